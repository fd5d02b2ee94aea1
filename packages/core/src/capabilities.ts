import type * as z from "zod";
import {
  addressFieldSchema,
  addressFieldsSchema,
  addressScopeSchema,
  addressScopesSchema,
  cancelReasonHandlingSchema,
  capabilitiesSchema,
} from "./capability-manifest";

export {
  claimCapabilities,
  claims,
  defineCapabilities,
  storedAddressFields,
  supportsSection,
} from "./capability-manifest";
export { CAPABILITY_FLAGS, type CapabilityFlag, OPTIONAL_OPERATIONS, type OptionalOperation } from "./operations";
export { ADDRESS_FIELDS, type AddressField } from "./schema-builders";

export const CancelReasonHandlingSchema = cancelReasonHandlingSchema();
export type CancelReasonHandling = z.infer<typeof CancelReasonHandlingSchema>;

export const AddressScopeSchema = addressScopeSchema();
export type AddressScope = z.infer<typeof AddressScopeSchema>;

export const AddressScopesSchema = addressScopesSchema();
export type AddressScopes = z.infer<typeof AddressScopesSchema>;

export const AddressFieldSchema = addressFieldSchema();

export const AddressFieldsSchema = addressFieldsSchema();
export type AddressFields = z.infer<typeof AddressFieldsSchema>;

export const CapabilitiesSchema = capabilitiesSchema();
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
