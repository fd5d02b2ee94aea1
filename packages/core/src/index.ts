export { type AllInvoicesInput, allInvoices, invoicePages } from "./all-invoices";
export { type AllSubscriptionsInput, allSubscriptions } from "./all-subscriptions";
export {
  type ByteSource,
  DEFAULT_MAX_RESPONSE_BYTES,
  declaresMoreThan,
  readBounded,
  responseTooLarge,
} from "./bounded-read";
export {
  ADDRESS_FIELDS,
  type AddressField,
  AddressFieldSchema,
  type AddressFields,
  AddressFieldsSchema,
  type AddressScope,
  AddressScopeSchema,
  type AddressScopes,
  AddressScopesSchema,
  CAPABILITY_FLAGS,
  type CancelReasonHandling,
  CancelReasonHandlingSchema,
  type Capabilities,
  CapabilitiesSchema,
  type CapabilityFlag,
  claimCapabilities,
  claims,
  defineCapabilities,
  OPTIONAL_OPERATIONS,
  type OptionalOperation,
  storedAddressFields,
  supportsSection,
} from "./capabilities";
export { decodeCursor, encodeCursor } from "./cursor";
export {
  defaultInvoiceKey,
  describeDiff,
  diffInvoices,
  diffSubscriptions,
  type InvoiceDiffOptions,
  type PortalDiff,
} from "./diff";
export {
  codeFromHttpStatus,
  httpStatusFromCode,
  PORTAL_ERROR_CODES,
  PortalError,
  type PortalErrorCode,
  type PortalErrorJSON,
  type PortalErrorOptions,
} from "./errors";
export * from "./inputs";
export { joinShapes, type LazyShape, lazyShape } from "./lazy-shape";
export {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationInput,
  type OperationMethod,
  type OperationName,
  type OperationOutput,
  type OperationSpec,
  type ProviderOperations,
  REQUIRED_OPERATIONS,
  type RequiredOperation,
} from "./operations";
export { parseInput } from "./parse-input";
export type { PortalProvider } from "./provider";
export { redactSecrets, registerSecret } from "./redact";
export {
  createIdempotencyKey,
  DEFAULT_RETRY,
  parseRetryAfter,
  type RetryContext,
  type RetryHooks,
  type RetryOptions,
  RetryOptionsSchema,
  resolveRetryOptions,
  withRetry,
} from "./retry";
export { createRouter, type PortalRouter, type RouterOptions } from "./router";
export * from "./schemas";
export { createShadow, type ShadowOptions, type ShadowProvider, type ShadowReport } from "./shadow";
export { isoToUnix, unixToIso } from "./time";
export { isHttpUrl } from "./url";
export { vendorParamToField } from "./vendor-param";
