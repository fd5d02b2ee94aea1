import {
  decodeCursor,
  encodeCursor,
  INVOICE_STATUSES,
  MAX_PAGE_SIZE,
  type PortalSection,
  type RedirectLaunch,
  unixToIso,
} from "@portalkit/core";
import { type AdapterContext, defineAdapter } from "@portalkit/core/adapter";
import { toWireAddress } from "./address";
import { memoryCapabilities, memorySections } from "./capabilities";
import { type ApiClient, createApiClient } from "./client";
import { toPortalError } from "./errors";
import { normalizeCustomer, normalizeInvoice, normalizeSession, normalizeSubscription, PROVIDER_ID } from "./normalize";
import { DEFAULT_TIMEOUT_MS, type MemoryProviderOptions, MemoryProviderOptionsSchema } from "./options";
import { parseMemoryWebhook } from "./webhook";
import type {
  WireCustomer,
  WireDownload,
  WireInvoice,
  WireInvoiceList,
  WirePortalSession,
  WireSubscription,
  WireSubscriptionList,
} from "./wire";

export { MEMORY_API_URL, type MemoryProviderOptions } from "./options";

const NOT_PENDING = INVOICE_STATUSES.filter((status) => status !== "pending");
const path = encodeURIComponent;

// The API does not scope objects to a customer: the kit reads each named object through
// these lookups and answers not_found, as for a missing id, when it is someone else's.
const lookups = {
  subscription: {
    kind: "subscription",
    read: (api: ApiClient, id: string) =>
      api.request<WireSubscription>({ method: "GET", path: `/v1/subscriptions/${path(id)}` }),
    customerOf: (subscription: WireSubscription) => subscription.customer_id,
  },
  invoice: {
    kind: "invoice",
    read: (api: ApiClient, id: string) => api.request<WireInvoice>({ method: "GET", path: `/v1/invoices/${path(id)}` }),
    customerOf: (invoice: WireInvoice) => invoice.customer_id,
  },
  portalSession: {
    kind: "portal session",
    read: (api: ApiClient, id: string) =>
      api.request<WirePortalSession>({ method: "GET", path: `/v1/portal_sessions/${path(id)}` }),
    customerOf: (session: WirePortalSession) => session.customer_id,
  },
};

type Context = AdapterContext<ApiClient, typeof lookups, MemoryProviderOptions>;

function createPortalSession(
  ctx: Context,
  body: { customer_id: string; return_url?: string; section?: PortalSection; subscription_id?: string },
): Promise<WirePortalSession> {
  return ctx.mutate((api, { idempotencyKey }) =>
    api.request<WirePortalSession>({ method: "POST", path: "/v1/portal_sessions", body, idempotencyKey }),
  );
}

function redirect(session: WirePortalSession, section?: PortalSection): RedirectLaunch {
  const launch: RedirectLaunch = {
    kind: "redirect",
    provider: PROVIDER_ID,
    url: session.url,
    expiresAt: unixToIso(session.expires_at),
    sessionId: session.id,
  };
  if (section) launch.section = section;
  return launch;
}

const memoryAdapter = defineAdapter({
  id: "memory",
  vendor: "the billing API",
  options: MemoryProviderOptionsSchema,
  secrets: ["apiKey", "webhookSecret"],
  client: (options: MemoryProviderOptions): ApiClient => createApiClient(options),
  toPortalError,
  deadline: (options) => options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  capabilities: (options) => memoryCapabilities(options.sections),
  sections: (options) => memorySections(options.sections),
  lookups,
  operations: {
    async createSession({ customerId, returnUrl }, ctx) {
      return normalizeSession(await createPortalSession(ctx, { customer_id: customerId, return_url: returnUrl }));
    },

    async openPortal({ customerId, returnUrl }, ctx) {
      return redirect(await createPortalSession(ctx, { customer_id: customerId, return_url: returnUrl }));
    },

    async openSection({ customerId, section, subscriptionId, returnUrl }, ctx) {
      const body = { customer_id: customerId, return_url: returnUrl, section, subscription_id: subscriptionId };
      return redirect(await createPortalSession(ctx, body), section);
    },

    async listInvoices({ customerId, subscriptionId, status, includePending, limit, cursor }, ctx) {
      const statuses = status ?? (includePending ? undefined : NOT_PENDING);
      const offset = cursor === undefined ? undefined : decodeCursor(PROVIDER_ID, customerId, cursor);
      const list = await ctx.read((api) =>
        api.request<WireInvoiceList>({
          method: "GET",
          path: "/v1/invoices",
          query: {
            customer_id: customerId,
            subscription_id: subscriptionId,
            status: statuses?.join(","),
            limit: String(limit ?? MAX_PAGE_SIZE),
            offset,
          },
        }),
      );
      // The listing is asked for one customer, but its answer is not trusted: an invoice
      // that names someone else is left out rather than shown.
      return {
        data: list.data.filter((invoice) => invoice.customer_id === customerId).map(normalizeInvoice),
        ...(list.next_offset ? { nextCursor: encodeCursor(PROVIDER_ID, customerId, list.next_offset) } : {}),
      };
    },

    async cancel({ customerId, subscriptionId, when, reason }, ctx) {
      const current = await ctx.owned.subscription(customerId, subscriptionId);
      // Idempotent at the contract level: a subscription already in the asked state is
      // returned as it is, with no second cancellation sent.
      if (current.status === "canceled" || (when === "period_end" && current.cancel_at_period_end)) {
        return normalizeSubscription(current);
      }
      const updated = await ctx.mutate((api, { idempotencyKey }) =>
        api.request<WireSubscription>({
          method: "POST",
          path: `/v1/subscriptions/${path(subscriptionId)}/cancel`,
          body: { at_period_end: when === "period_end", ...(reason ? { reason } : {}) },
          idempotencyKey,
        }),
      );
      return normalizeSubscription(updated);
    },

    async getSubscription({ customerId, subscriptionId }, ctx) {
      return normalizeSubscription(await ctx.owned.subscription(customerId, subscriptionId));
    },

    async reactivate({ customerId, subscriptionId }, ctx) {
      const current = await ctx.owned.subscription(customerId, subscriptionId);
      if (current.status !== "canceled" && !current.cancel_at_period_end) return normalizeSubscription(current);
      const updated = await ctx.mutate((api, { idempotencyKey }) =>
        api.request<WireSubscription>({
          method: "POST",
          path: `/v1/subscriptions/${path(subscriptionId)}/reactivate`,
          idempotencyKey,
        }),
      );
      return normalizeSubscription(updated);
    },

    async invoicePdf({ customerId, invoiceId }, ctx) {
      await ctx.owned.invoice(customerId, invoiceId);
      const download = await ctx.read((api) =>
        api.request<WireDownload>({ method: "GET", path: `/v1/invoices/${path(invoiceId)}/pdf` }),
      );
      return { url: download.url, expiresAt: unixToIso(download.expires_at) };
    },

    async updateAddress({ customerId, kind, subscriptionId, address }, ctx) {
      if (subscriptionId !== undefined) await ctx.owned.subscription(customerId, subscriptionId);
      const customer = await ctx.mutate((api, { idempotencyKey }) =>
        api.request<WireCustomer>({
          method: "POST",
          path: `/v1/customers/${path(customerId)}/addresses`,
          body: { kind, subscription_id: subscriptionId, address: toWireAddress(address) },
          idempotencyKey,
        }),
      );
      return normalizeCustomer(customer);
    },

    async getCustomer({ customerId }, ctx) {
      return normalizeCustomer(
        await ctx.read((api) =>
          api.request<WireCustomer>({ method: "GET", path: `/v1/customers/${path(customerId)}` }),
        ),
      );
    },

    async listSubscriptions({ customerId, status, limit, cursor }, ctx) {
      const offset = cursor === undefined ? undefined : decodeCursor(PROVIDER_ID, customerId, cursor);
      const list = await ctx.read((api) =>
        api.request<WireSubscriptionList>({
          method: "GET",
          path: "/v1/subscriptions",
          query: { customer_id: customerId, limit: String(limit ?? MAX_PAGE_SIZE), offset },
        }),
      );
      // The API has no status filter: portable statuses are filtered here, on the page read.
      const wanted = status ? new Set<string>(status) : undefined;
      const data = list.data
        .filter((wire) => wire.customer_id === customerId)
        .map(normalizeSubscription)
        .filter((subscription) => !wanted || wanted.has(subscription.status));
      return {
        data,
        ...(list.next_offset ? { nextCursor: encodeCursor(PROVIDER_ID, customerId, list.next_offset) } : {}),
      };
    },

    async paymentMethodLaunch({ customerId, returnUrl }, ctx) {
      const body = { customer_id: customerId, return_url: returnUrl, section: "payment_sources" as const };
      return redirect(await createPortalSession(ctx, body), "payment_sources");
    },

    async parseWebhook(input, ctx) {
      return parseMemoryWebhook(input, ctx.options, (code, message) =>
        ctx.error({ code, status: code === "unauthenticated" ? 401 : 400, message }),
      );
    },

    async logout({ customerId, sessionId }, ctx) {
      // The API logs out any session by id: the kit reads it first and answers not_found
      // for another customer's.
      await ctx.owned.portalSession(customerId, sessionId);
      await ctx.mutate((api, { idempotencyKey }) =>
        api.request<WirePortalSession>({
          method: "POST",
          path: `/v1/portal_sessions/${path(sessionId)}/logout`,
          idempotencyKey,
        }),
      );
    },
  },
});

export type MemoryProvider = ReturnType<typeof memoryAdapter>;

/** The reference adapter: a complete PortalProvider for the in-memory billing API. */
export function createMemoryProvider(options: MemoryProviderOptions = {}): MemoryProvider {
  return memoryAdapter(options);
}
