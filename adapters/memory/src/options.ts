import { PortalSectionSchema, RetryOptionsSchema, UrlSchema } from "@portalkit/core";
import * as z from "zod";

/** The fetch standard's signature: global `fetch`, or an in-process backend's `fetch`. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Where the in-memory billing API lives when it is served or mounted on MSW. */
export const MEMORY_API_URL = "https://api.memory.invalid";

export const DEFAULT_TIMEOUT_MS = 10_000;

export const MemoryProviderOptionsSchema = z.strictObject({
  /** Sent as a bearer token; never logged, never part of an error or a launch. */
  apiKey: z.string().min(1).optional(),
  /** Default MEMORY_API_URL. */
  baseUrl: UrlSchema.optional(),
  /** Default global fetch. Pass a backend's `fetch` to skip the network altogether. */
  fetch: z.custom<FetchLike>((value) => typeof value === "function", "must be a fetch function").optional(),
  /** Sections opened directly; default all seven. The others need `fallback: "portal"`. */
  sections: z.array(PortalSectionSchema).readonly().optional(),
  retry: RetryOptionsSchema.optional(),
  /** Per attempt, body included; default 10 000 ms. */
  timeoutMs: z.number().int().positive().optional(),
  /** The most bytes of one API response body read, counted while reading; default 8 MiB. */
  maxResponseBytes: z.number().int().positive().optional(),
  /** The webhook endpoint's signing secret, for `parseWebhook`. Never sent anywhere. */
  webhookSecret: z.string().min(1).optional(),
  /** Seconds a webhook's timestamp may be away from now; default 300. */
  webhookTolerance: z.number().int().positive().optional(),
});
export type MemoryProviderOptions = z.input<typeof MemoryProviderOptionsSchema>;
