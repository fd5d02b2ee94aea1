import { type Environment, Paddle } from "@paddle/paddle-node-sdk";
import { createChargebeeProvider } from "@portalkit/chargebee";
import { allInvoices, type PortalProvider } from "@portalkit/core";
import { createPaddleProvider } from "@portalkit/paddle";
import { createStripeProvider } from "@portalkit/stripe";
import Chargebee from "chargebee";
import Stripe from "stripe";
import {
  CHARGEBEE_API_KEY,
  CHARGEBEE_SITE,
  PADDLE_API_KEY,
  RETURN_URL,
  STRIPE_SECRET_KEY,
  type Vendor,
} from "./vendors";

/** The same logical operations, once through the adapter and once with the vendor's SDK alone. */
export interface Contestants {
  provider: PortalProvider;
  /** Walks every invoice of the customer with `allInvoices`; answers how many it saw. */
  adapterWalk(customerId: string): Promise<number>;
  /** The same walk with the raw SDK: same filters, same page size, same order. */
  rawWalk(customerId: string): Promise<number>;
  adapterSession(customerId: string): Promise<unknown>;
  rawSession(customerId: string): Promise<unknown>;
}

/**
 * The raw SDK walk's collection: the customer's transactions, 30 a page. The SDK's
 * collection follows `meta.pagination.next` while `has_more`.
 */
export function paddleTransactions(paddle: Paddle, customerId: string) {
  return paddle.transactions.list({ customerId: [customerId], perPage: 30 });
}

export function providerFor(vendor: Vendor, url: string, key?: string): PortalProvider {
  if (vendor === "paddle") return createPaddleProvider({ apiKey: key ?? PADDLE_API_KEY, environment: url });
  return vendor === "chargebee"
    ? createChargebeeProvider({ site: CHARGEBEE_SITE, apiKey: key ?? CHARGEBEE_API_KEY, apiBaseUrl: url })
    : createStripeProvider({ secretKey: key ?? STRIPE_SECRET_KEY, apiBase: url, returnUrl: RETURN_URL });
}

export async function adapterWalk(provider: PortalProvider, customerId: string): Promise<number> {
  let seen = 0;
  for await (const _invoice of allInvoices(provider, { customerId })) seen++;
  return seen;
}

export function contestants(vendor: Vendor, url: string): Contestants {
  const provider = providerFor(vendor, url);
  const port = Number(new URL(url).port);
  if (vendor === "chargebee") {
    // What an application would write against the SDK for the same page walk. Both sides go
    // through global fetch (the adapter replaces the SDK's HTTP layer with a fetch of its own).
    const chargebee = new Chargebee({
      site: "127.0.0.1",
      hostSuffix: "",
      protocol: "http",
      port,
      apiKey: CHARGEBEE_API_KEY,
      // The adapter's settings: its default timeout, the SDK's own retries off.
      timeout: 30_000,
      retryConfig: { enabled: false },
    });
    return {
      provider,
      adapterWalk: (customerId) => adapterWalk(provider, customerId),
      async rawWalk(customerId) {
        let seen = 0;
        let offset: string | undefined;
        do {
          const page = await chargebee.invoice.list({
            limit: 100,
            customer_id: { is: customerId },
            status: { is_not: "pending" },
            "sort_by[desc]": "date",
            ...(offset !== undefined ? { offset } : {}),
          });
          seen += page.list.length;
          offset = page.next_offset;
        } while (offset);
        return seen;
      },
      adapterSession: (customerId) => provider.createSession({ customerId }),
      // The same request the adapter sends: a mutation carries an idempotency key (stripe-node
      // adds one to every POST by itself; with chargebee-node the caller passes it).
      rawSession: (customerId) =>
        chargebee.portalSession.create(
          { customer: { id: customerId } },
          { "chargebee-idempotency-key": crypto.randomUUID() },
        ),
    };
  }
  if (vendor === "paddle") {
    // The SDK takes a base URL as its environment; both sides go through global fetch.
    const paddle = new Paddle(PADDLE_API_KEY, { environment: url as Environment });
    return {
      provider,
      adapterWalk: (customerId) => adapterWalk(provider, customerId),
      async rawWalk(customerId) {
        let seen = 0;
        for await (const _transaction of paddleTransactions(paddle, customerId)) seen++;
        return seen;
      },
      adapterSession: (customerId) => provider.createSession({ customerId }),
      rawSession: (customerId) => paddle.customerPortalSessions.create(customerId, []),
    };
  }
  // The adapter runs the SDK with its own retries off, telemetry off, its timeout and its
  // appInfo; the raw client is configured alike so the two send the same requests (stripe-node
  // keys every POST itself, as the adapter does).
  const stripe = new Stripe(STRIPE_SECRET_KEY, {
    host: "127.0.0.1",
    port,
    protocol: "http",
    maxNetworkRetries: 0,
    telemetry: false,
    timeout: 30_000,
    appInfo: { name: "portalkit" },
  });
  return {
    provider,
    adapterWalk: (customerId) => adapterWalk(provider, customerId),
    async rawWalk(customerId) {
      let seen = 0;
      let after: string | undefined;
      for (;;) {
        const page = await stripe.invoices.list({
          customer: customerId,
          limit: 100,
          ...(after !== undefined ? { starting_after: after } : {}),
        });
        seen += page.data.length;
        after = page.data.at(-1)?.id;
        if (!page.has_more || after === undefined) return seen;
      }
    },
    adapterSession: (customerId) => provider.createSession({ customerId }),
    rawSession: (customerId) => stripe.billingPortal.sessions.create({ customer: customerId, return_url: RETURN_URL }),
  };
}
