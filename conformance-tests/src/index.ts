export { describeConformance } from "./describe-conformance";
export type {
  ConformanceHarness,
  HarnessContext,
  HarnessFaultRule,
  HarnessOperation,
  HarnessSetupOptions,
  SimSubscriptionState,
} from "./harness";
export { mountOnMsw } from "./msw";
export { CONFORMANCE_SETUP, type Scenario } from "./scenario-kit";
export {
  ALICE,
  ALICE_BILLING_ADDRESS,
  BOB,
  type ConformanceWorldOptions,
  conformanceWorld,
  type InvoiceWorldOptions,
  invoiceWorld,
  SUBSCRIPTIONS,
  scramble,
  UNKNOWN_CUSTOMER,
  UNKNOWN_INVOICE,
  UNKNOWN_SUBSCRIPTION,
} from "./world";
