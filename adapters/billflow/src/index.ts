export { BILLFLOW_CAPABILITIES } from "./capabilities";
export { billflowHash } from "./hash";
export {
  type BillflowEmbedLaunch,
  BillflowEmbedLaunchSchema,
  type BillflowSettings,
  BillflowSettingsSchema,
} from "./launch";
export {
  type BillflowLaunchOptions,
  BillflowLaunchOptionsSchema,
  type BillflowQuantity,
  BillflowQuantitySchema,
} from "./launch-options";
export { BillflowProviderOptionsSchema } from "./options";
export { type BillflowProvider, type BillflowProviderOptions, createBillflowProvider } from "./provider";
export { BILLFLOW_SECTIONS } from "./sections";
