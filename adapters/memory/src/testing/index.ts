export {
  createMemoryBackend,
  MEMORY_PORTAL_URL,
  type MemoryBackend,
  type MemoryBackendOptions,
  type MemoryBackendState,
  type ParamErrorRule,
} from "./backend";
export { createMemoryHarness, type MemoryHarnessOptions, memoryHarness } from "./harness";
export { wireCustomer, wireInvoice, wireSubscription } from "./seed";
