export { createMemoryHarness, type MemoryHarnessOptions, memoryHarness } from "./harness";
export { wireCustomer, wireInvoice, wireSubscription } from "./seed";
export {
  createMemoryBackend,
  createMemorySimulator,
  MEMORY_PORTAL_URL,
  type MemoryBackend,
  type MemoryBackendOptions,
  type MemoryBackendState,
  type MemorySimulator,
  type MemorySimulatorOptions,
  type MemorySimulatorState,
  type MemoryWebhookEndpoint,
} from "./simulator";
