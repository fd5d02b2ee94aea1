export type {
  ConformanceHarness,
  HarnessContext,
  HarnessFaultRule,
  HarnessOperation,
  HarnessSetupOptions,
  SimSubscriptionState,
} from "./harness";
export { mountOnMsw } from "./msw";
