export { type CompareOptions, type CustomerComparison, compareCustomers } from "./compare-customers";
export { type ConformanceCommandOptions, findHarnessExport, runConformanceCommand } from "./conformance-command";
export { type CustomerMapping, parseCustomerMap } from "./customer-map";
export { type DiffCommandOptions, runDiffCommand } from "./diff-command";
export { formatComparison } from "./format-table";
export { loadProvider } from "./load-provider";
