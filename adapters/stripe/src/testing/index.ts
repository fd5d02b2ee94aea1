export type { StripeWireEvent } from "./events";
export { customerFixture, invoiceFixture, portalSessionFixture, subscriptionFixture } from "./fixtures";
export {
  createStripeBackedHarness,
  createStripeHarness,
  type StripeBackedHarnessOptions,
  type StripeHarnessOptions,
  type StripeSimulatorConnection,
} from "./harness";
export { customerFromWorld, invoiceFromWorld, subscriptionFromWorld } from "./seed";
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
