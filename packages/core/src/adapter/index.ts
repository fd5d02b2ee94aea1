// What adapters build on besides the kit, the same bindings as `@portalkit/core`'s. An
// adapter that imports from here alone loads none of core's schemas (they are built when
// first used), the router, the shadow or the diff: its import costs that much less.
export { DEFAULT_MAX_RESPONSE_BYTES, declaresMoreThan, readBounded, responseTooLarge } from "../bounded-read";
export { claimCapabilities, claims, defineCapabilities } from "../capability-manifest";
export { decodeCursor, encodeCursor } from "../cursor";
export { codeFromHttpStatus, PortalError } from "../errors";
export { MAX_PAGE_SIZE } from "../input-builders";
export { joinShapes, lazyShape } from "../lazy-shape";
export { parseInput } from "../parse-input";
export { createIdempotencyKey, parseRetryAfter, RetryOptionsSchema, withRetry } from "../retry";
export { ADDRESS_FIELDS, urlSchema, vendorLaunchSchema } from "../schema-builders";
export { isoToUnix, unixToIso } from "../time";
export { isHttpUrl } from "../url";
export { vendorParamToField } from "../vendor-param";
export type { WalkPages } from "../walk-registry";
export { withDeadline } from "./deadline";
export {
  type AdapterContext,
  type AdapterDefinition,
  type AdapterOperations,
  type AdapterProvider,
  type AdapterWalks,
  type AttemptContext,
  type DirectSection,
  defineAdapter,
  type LaunchingProvider,
  type ListWalk,
  type MutationContext,
  type OwnershipLookup,
  type PerOptions,
  type SectionSpec,
  type SectionTable,
} from "./define-adapter";
export { type FieldMap, fieldMap } from "./field-map";
export { joinName, snakeCaseAddressPairs, splitName, validAddress } from "./portable-address";
