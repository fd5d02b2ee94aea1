import type { Capabilities } from "./capabilities";
import type { ProviderOperations } from "./operations";

/**
 * The contract every billing-portal adapter keeps: the operations of `OPERATIONS`, the
 * required ones as methods and each optional one announced in `capabilities`. Every call
 * names the customer, and an adapter never acts on or reveals another customer's objects:
 * it answers `not_found`. Every method rejects only with PortalError.
 */
export interface PortalProvider extends ProviderOperations {
  readonly id: string;
  readonly capabilities: Readonly<Capabilities>;
}
