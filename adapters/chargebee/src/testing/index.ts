export { chargebeeError, chargebeeErrorForStatus } from "./error-response";
export { type ChargebeeHarnessOptions, chargebeeHarness, createChargebeeHarness } from "./harness";
export { type ChargebeeOperation, OPERATION_PARAMS, OPERATION_REQUESTS } from "./operations";
export { ALLOWED_PARAMS } from "./params";
export { wireCustomer, wireInvoice, wireSubscription } from "./seed";
export {
  type ChargebeeSimulator,
  type ChargebeeSimulatorOptions,
  createChargebeeSimulator,
  type ParamRejection,
} from "./simulator";
export type {
  ChargebeeErrorBody,
  WireCustomer,
  WireDownload,
  WireHostedPage,
  WireInvoice,
  WirePortalSession,
  WireSubscription,
} from "./wire";
