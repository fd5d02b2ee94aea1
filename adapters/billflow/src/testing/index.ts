export { BILLFLOW_TEST_SECRET, type BillflowHarnessOptions, billflowHarness, createBillflowHarness } from "./harness";
