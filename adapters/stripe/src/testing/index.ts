export {
  createStripeBackedHarness,
  createStripeHarness,
  type FaultTargets,
  type MountSimulator,
  type StripeBackedHarnessOptions,
  type StripeHarnessOptions,
  type StripeSimulatorConnection,
} from "./harness";
export { serveStripeSimulator } from "./serve";
export {
  createStripeSimulator,
  STRIPE_API_ORIGIN,
  type StripeSimulator,
  type StripeSimulatorOptions,
} from "./simulator";
export { customerFixture, invoiceFixture, portalSessionFixture, subscriptionFixture } from "./stripe-fixtures";
export { customerFromWorld, invoiceFromWorld, subscriptionFromWorld } from "./stripe-objects";
export { type StripeWireError, stripeError, stripeJson, stripeStatusError } from "./wire";
