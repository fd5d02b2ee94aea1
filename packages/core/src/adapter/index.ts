export { withDeadline } from "./deadline";
export {
  type AdapterContext,
  type AdapterDefinition,
  type AdapterOperations,
  type AdapterProvider,
  type AttemptContext,
  type DirectSection,
  defineAdapter,
  type LaunchingProvider,
  type MutationContext,
  type OwnershipLookup,
  type PerOptions,
  type SectionSpec,
  type SectionTable,
} from "./define-adapter";
export { type FieldMap, fieldMap } from "./field-map";
export { joinName, snakeCaseAddressPairs, splitName, validAddress } from "./portable-address";
