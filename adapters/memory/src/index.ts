export type { FetchLike } from "./client";
export { createMemoryProvider, MEMORY_API_URL, type MemoryProviderOptions } from "./provider";
export type * from "./wire";
