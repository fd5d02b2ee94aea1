export {
  defineHarness,
  type HarnessClock,
  type HarnessDeclaration,
  type HarnessTransport,
  type HarnessTransportOptions,
  type ProviderContext,
  type StateReaders,
  type VendorCall,
  type VendorCalls,
  type WebhookDeclaration,
} from "./define-harness";
export { describeConformance } from "./describe-conformance";
export {
  type ConformanceHarness,
  HARNESS_OPERATIONS,
  type HarnessContext,
  type HarnessFaultRule,
  type HarnessManifest,
  type HarnessOperation,
  type HarnessSetupOptions,
  type HarnessWebhooks,
  type PortalSessionState,
  type ReceivedWebhook,
  type SecretLifetime,
  type SimSubscriptionState,
} from "./harness";
export { mountOnMsw } from "./msw";
export { describeResponseLimit, type ResponseLimitCase } from "./response-limit";
export { CONFORMANCE_SETUP, type Scenario } from "./scenario-kit";
export { WRITTEN_ADDRESSES } from "./scenarios/reads";
export {
  ALICE,
  ALICE_BILLING_ADDRESS,
  ALICE_SUBSCRIPTIONS_NEWEST_FIRST,
  BOB,
  type ConformanceWorldOptions,
  conformanceWorld,
  type InvoiceWorldOptions,
  invoiceWorld,
  SUBSCRIPTIONS,
  type SubscriptionWorldOptions,
  scramble,
  subscriptionWorld,
  UNKNOWN_CUSTOMER,
  UNKNOWN_INVOICE,
  UNKNOWN_SUBSCRIPTION,
} from "./world";
