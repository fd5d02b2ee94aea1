import type { RunningSimulators } from "../src/simulated/simulators";

export type VendorState = "active" | "trialing" | "cancel_scheduled" | "canceled" | "other";

/** Reads the simulator behind a provider, for two-sided checks: what the vendor itself now holds. */
export interface VendorView {
  subscriptionState(id: string): VendorState;
  billingLine1(customerId: string): string | undefined;
  /** Changes the billing address's first line at the vendor itself, as someone else would (its API, its dashboard). */
  setBillingLine1(customerId: string, line1: string): void;
  shippingLine1(customerId: string, subscriptionId: string): string | undefined;
  /** The customer of the newest portal session (Stripe's billing portal, Chargebee's portal_session). */
  lastPortalCustomer(): string | undefined;
  /** The customer's portal sessions at the vendor that `logout` can end (Chargebee's), oldest first. */
  portalSessions(customerId: string): Array<{ id: string; loggedOut: boolean }>;
  /** Requests that change an address. */
  addressWrites(): number;
  /** Makes the vendor refuse the next address update's country, as the real API refuses an unknown one. */
  refuseCountryOnce(): void;
  /** The vendor answers 503 to subscription requests until `heal`. */
  failSubscriptions(): void;
  heal(): void;
}

export function vendorView(provider: string, sims: RunningSimulators): VendorView {
  if (provider === "chargebee") {
    const sim = sims.chargebee;
    return {
      subscriptionState(id) {
        const status = sim.subscriptions.get(id)?.status;
        if (status === "non_renewing") return "cancel_scheduled";
        if (status === "cancelled") return "canceled";
        if (status === "in_trial") return "trialing";
        return status === "active" ? "active" : "other";
      },
      billingLine1: (id) => sim.customers.get(id)?.billing_address?.line1,
      setBillingLine1: (id, line1) => {
        const customer = sim.customers.get(id);
        if (customer) customer.billing_address = { ...customer.billing_address, line1 };
      },
      shippingLine1: (_customer, sub) => sim.subscriptions.get(sub)?.shipping_address?.line1,
      lastPortalCustomer: () => [...sim.portalSessions.values()].at(-1)?.customer_id,
      portalSessions: (customerId) =>
        [...sim.portalSessions.values()]
          .filter((session) => session.customer_id === customerId)
          .map((session) => ({ id: session.id, loggedOut: session.status === "logged_out" })),
      addressWrites: () => sim.requests.filter((r) => /update_billing_info|update_for_items/.test(r.path)).length,
      // The simulator refuses unknown countries by itself, as Chargebee does.
      refuseCountryOnce: () => {},
      failSubscriptions: () =>
        sim.inject({ fault: { type: "status", status: 503 }, path: /\/subscriptions(?:\/|$)/, times: 1000 }),
      heal: () => sim.clearFaults(),
    };
  }
  if (provider === "paddle") {
    const sim = sims.paddle;
    return {
      subscriptionState(id) {
        const subscription = sim.subscription(id);
        if (!subscription) return "other";
        if (subscription.status === "canceled") return "canceled";
        if (subscription.scheduled_change?.action === "cancel") return "cancel_scheduled";
        return subscription.status === "active" || subscription.status === "trialing" ? subscription.status : "other";
      },
      billingLine1: (id) => sim.addresses(id).find((address) => address.status === "active")?.first_line ?? undefined,
      setBillingLine1: (id, line1) => {
        const address = sim.addresses(id).find((candidate) => candidate.status === "active");
        if (address) address.first_line = line1;
      },
      // Paddle keeps no shipping addresses.
      shippingLine1: () => undefined,
      lastPortalCustomer: () => sim.sessions.at(-1)?.customer_id,
      // Paddle's portal sessions cannot be revoked: there is nothing to log out.
      portalSessions: () => [],
      addressWrites: () => sim.requests.filter((r) => r.method === "PATCH" && /\/addresses\//.test(r.path)).length,
      // Paddle refuses an unknown country naming `country_code`; the simulator is told to.
      refuseCountryOnce: () =>
        sim.injectParamError({ param: "country_code", method: "PATCH", path: /^\/customers\/[^/]+\/addresses\// }),
      failSubscriptions: () =>
        sim.inject({ fault: { type: "status", status: 503 }, path: /\/subscriptions(?:\/|$)/, times: 1000 }),
      heal: () => sim.clearFaults(),
    };
  }
  const sim = sims.stripe;
  return {
    subscriptionState(id) {
      const subscription = sim.subscription(id);
      if (!subscription) return "other";
      if (subscription.status === "canceled") return "canceled";
      if (subscription.cancel_at_period_end) return "cancel_scheduled";
      if (subscription.status === "active") return "active";
      return subscription.status === "trialing" ? "trialing" : "other";
    },
    billingLine1: (id) => sim.customer(id)?.address?.line1 ?? undefined,
    setBillingLine1: (id, line1) => {
      const customer = sim.customer(id);
      if (customer?.address) customer.address.line1 = line1;
    },
    shippingLine1: (id) => sim.customer(id)?.shipping?.address?.line1 ?? undefined,
    lastPortalCustomer: () => sim.sessions.at(-1)?.customer,
    // Stripe's portal sessions cannot be ended: there is nothing to log out.
    portalSessions: () => [],
    addressWrites: () => sim.requests.filter((r) => r.method === "POST" && /^\/v1\/customers\//.test(r.path)).length,
    // Stripe refuses an unknown country with `param: address[country]`; the simulator is told to.
    refuseCountryOnce: () =>
      sim.injectParamError({ param: "address[country]", method: "POST", path: /^\/v1\/customers\// }),
    failSubscriptions: () =>
      sim.inject({ fault: { type: "status", status: 503 }, path: /\/subscriptions(?:\/|$)/, times: 1000 }),
    heal: () => sim.clearFaults(),
  };
}
