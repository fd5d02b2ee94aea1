export { CLI_ID, cliError } from "./cli-error";
export { type CompareOptions, type CustomerComparison, compareCustomers } from "./compare-customers";
export {
  type ConformanceCommandOptions,
  findHarnessExport,
  type HarnessExport,
  runConformanceCommand,
} from "./conformance-command";
export { type CustomerMapping, parseCustomerMap } from "./customer-map";
export { type DiffCommandOptions, runDiffCommand } from "./diff-command";
export { formatComparison } from "./format-table";
export { type LoadedModule, loadModule } from "./load-module";
export { loadProvider } from "./load-provider";
export { resolveSpecifier } from "./resolve-specifier";
