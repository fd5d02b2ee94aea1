export { BILLFLOW_CAPABILITIES } from "./capabilities";
export { billflowHash } from "./hash";
export { type BillflowProvider, type BillflowProviderOptions, createBillflowProvider } from "./provider";
export {
  type BillflowEmbedLaunch,
  BillflowEmbedLaunchSchema,
  type BillflowSettings,
  BillflowSettingsSchema,
} from "./launch";
