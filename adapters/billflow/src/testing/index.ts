export { BILLFLOW_TEST_SECRET, type BillflowHarnessOptions, createBillflowHarness } from "./harness";
