/** Where an invoice sorts in the simulator: newest first by `date`, then by id. */
export type { NewestFirstKey as InvoiceKey } from "@portalkit/core/testing";
export { chargebeeError, chargebeeErrorForStatus } from "./error-response";
export type { WireEvent } from "./events";
export { type ChargebeeHarnessOptions, chargebeeHarness, createChargebeeHarness } from "./harness";
export { wireCustomer, wireInvoice, wireSubscription } from "./seed";
export {
  type ChargebeeSimulator,
  type ChargebeeSimulatorOptions,
  type ChargebeeStore,
  type ChargebeeWebhookEndpoint,
  createChargebeeSimulator,
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
