import * as z from "zod";
import { type AddressScopes, CAPABILITY_FLAGS, type Capabilities, CapabilitiesSchema, claims } from "./capabilities";
import { PortalError } from "./errors";
import { lazyShape } from "./lazy-shape";
import { OPERATION_NAMES, OPERATIONS, OPTIONAL_OPERATIONS, type REQUIRED_OPERATIONS } from "./operations";
import { parseInput } from "./parse-input";
import type { PortalProvider } from "./provider";
import { IdSchema } from "./schemas";

const CustomerRefSchema = z.strictObject(lazyShape({ customerId: () => IdSchema }));

export interface RouterOptions {
  /** The providers, by the names `resolve` answers with. */
  providers: Record<string, PortalProvider>;
  /**
   * The name of the provider that owns a customer, or undefined/null when none does.
   * May be async: read a mapping table, a database column, a feature flag.
   */
  resolve: (customerId: string) => string | undefined | null | Promise<string | undefined | null>;
  /** Shown as `provider` on errors the router itself raises. Default "router". */
  id?: string;
}

export interface PortalRouter extends PortalProvider {
  /** The provider that owns this customer (`not_found` when none does). */
  providerFor(customerId: string): Promise<PortalProvider>;
  /** What the customer's own provider can do. */
  capabilitiesFor(customerId: string): Promise<Readonly<Capabilities>>;
}

/**
 * A PortalProvider that sends each call to the provider owning the customer, so that an
 * application can serve Chargebee and Stripe customers side by side while it migrates.
 *
 * `capabilities` is what every routed provider offers (an optional method exists on the
 * router only when all providers have it); `capabilitiesFor(customerId)` tells what one
 * customer's provider offers, and sections are opened by that provider's own rules.
 * `cancelReason` is the providers' own when they all agree and `none` otherwise (a reason
 * then reaches the customer's provider, which keeps it or refuses it by its own rule).
 * `parseWebhook` takes a vendor's delivery, which names no customer, so it is not routed:
 * call the provider itself (one webhook endpoint per provider).
 */
export function createRouter(options: RouterOptions): PortalRouter {
  const id = options.id ?? "router";
  const providers = Object.values(options.providers);
  if (providers.length === 0) throw new Error("createRouter needs at least one provider");

  async function providerFor(customerId: string): Promise<PortalProvider> {
    let name: string | undefined | null;
    try {
      name = await options.resolve(customerId);
    } catch (error) {
      if (PortalError.isInstance(error)) throw error;
      throw new PortalError({
        code: "unavailable",
        provider: id,
        message: "Could not resolve the customer's billing provider",
        cause: error,
      });
    }
    const provider = name === undefined || name === null ? undefined : options.providers[name];
    if (!provider) {
      throw new PortalError({ code: "not_found", provider: id, message: "No billing provider owns this customer" });
    }
    return provider;
  }

  const capabilities = CapabilitiesSchema.parse({
    sections: intersect(providers.map((p) => p.capabilities.sections)),
    cancelModes: intersect(providers.map((p) => p.capabilities.cancelModes)),
    addressKinds: intersect(providers.map((p) => p.capabilities.addressKinds)),
    cancelReason: common(providers.map((p) => p.capabilities.cancelReason)) ?? "none",
    addressScopes: commonScopes(providers.map((p) => p.capabilities.addressScopes)),
    ...Object.fromEntries(
      OPTIONAL_OPERATIONS.map((op) => [
        CAPABILITY_FLAGS[op],
        OPERATIONS[op].scope === "customer" && providers.every((p) => claims(p.capabilities, op)),
      ]),
    ),
  });

  // Each routed call parses its input first, so that a bad customer id is invalid_input
  // before any lookup, then hands the original input to the customer's provider.
  const route =
    (name: (typeof OPERATION_NAMES)[number]) =>
    async (input: unknown): Promise<unknown> => {
      const parsed = parseInput(OPERATIONS[name].input, input, id) as { customerId: string };
      const provider = await providerFor(parsed.customerId);
      const method = provider[name] as ((input: unknown) => Promise<unknown>) | undefined;
      if (!method) throw new PortalError({ code: "unsupported", provider: provider.id, message: "Not offered" });
      return method.call(provider, input);
    };

  const router: PortalRouter = {
    id,
    capabilities: Object.freeze(capabilities),
    providerFor: async (customerId) => providerFor(parseInput(CustomerRefSchema, { customerId }, id).customerId),
    capabilitiesFor: async (customerId) => (await router.providerFor(customerId)).capabilities,
    ...routed(),
  };
  return router;

  // Required operations always, optional ones when every provider offers them; an
  // operation that names no customer (a webhook body) cannot be routed.
  function routed(): Pick<PortalRouter, (typeof REQUIRED_OPERATIONS)[number]> {
    const methods: Record<string, unknown> = {};
    for (const name of OPERATION_NAMES) {
      const spec = OPERATIONS[name];
      if (spec.scope !== "customer") continue;
      if (spec.optional && !claims(capabilities, name as (typeof OPTIONAL_OPERATIONS)[number])) continue;
      methods[name] = route(name);
    }
    return methods as Pick<PortalRouter, (typeof REQUIRED_OPERATIONS)[number]>;
  }
}

function common<T>(values: readonly T[]): T | undefined {
  const [first] = values;
  return values.every((value) => value === first) ? first : undefined;
}

function intersect<T>(lists: ReadonlyArray<readonly T[]>): T[] {
  const [first = [], ...rest] = lists;
  return first.filter((item) => rest.every((list) => list.includes(item)));
}

/** The scope of each address kind every provider keeps in the same place; the others are left out. */
function commonScopes(scopes: readonly AddressScopes[]): AddressScopes {
  const out: AddressScopes = {};
  for (const kind of ["billing", "shipping"] as const) {
    const first = scopes[0]?.[kind];
    if (first !== undefined && scopes.every((scope) => scope[kind] === first)) out[kind] = first;
  }
  return out;
}
