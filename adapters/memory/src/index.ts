export { memoryCapabilities, memorySections } from "./capabilities";
export { toPortalError } from "./errors";
export type { FetchLike } from "./options";
export { MemoryProviderOptionsSchema } from "./options";
export { createMemoryProvider, MEMORY_API_URL, type MemoryProvider, type MemoryProviderOptions } from "./provider";
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  MEMORY_WEBHOOK_HEADERS,
  type MemoryWebhookOptions,
  memoryWebhookSignature,
} from "./webhook";
export type * from "./wire";
