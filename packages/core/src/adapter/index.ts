export { withDeadline } from "./deadline";
export {
  type AdapterContext,
  type AdapterDefinition,
  type AdapterOperations,
  type AdapterProvider,
  type AttemptContext,
  type DirectSection,
  defineAdapter,
  type MutationContext,
  type OwnershipLookup,
  type SectionSpec,
  type SectionTable,
} from "./define-adapter";
