export type { StripeWireEvent } from "./events";
export { customerFixture, invoiceFixture, portalSessionFixture, subscriptionFixture } from "./fixtures";
export {
  createStripeBackedHarness,
  createStripeHarness,
  type StripeBackedHarnessOptions,
  type StripeHarnessOptions,
  type StripeSimulatorConnection,
  stripeHarness,
} from "./harness";
export {
  /** Former names of wireCustomer, wireInvoice and wireSubscription. */
  wireCustomer as customerFromWorld,
  wireCustomer,
  wireInvoice as invoiceFromWorld,
  wireInvoice,
  wirePaymentMethod,
  wireSubscription as subscriptionFromWorld,
  wireSubscription,
} from "./seed";
export {
  createStripeSimulator,
  STRIPE_API_ORIGIN,
  type StripeSimulator,
  type StripeSimulatorOptions,
  type StripeStore,
  type StripeWebhookEndpoint,
  serveStripeSimulator,
} from "./simulator";
export { type StripeWireError, stripeError, stripeJson, stripeStatusError } from "./wire";
