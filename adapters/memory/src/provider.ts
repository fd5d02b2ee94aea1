import {
  CancelInputSchema,
  CreateSessionInputSchema,
  createIdempotencyKey,
  decodeCursor,
  defineCapabilities,
  encodeCursor,
  GetSubscriptionInputSchema,
  INVOICE_STATUSES,
  InvoicePdfInputSchema,
  ListInvoicesInputSchema,
  LogoutInputSchema,
  MAX_PAGE_SIZE,
  OpenPortalInputSchema,
  OpenSectionInputSchema,
  PaymentMethodLaunchInputSchema,
  PORTAL_SECTIONS,
  PortalError,
  type PortalLaunch,
  type PortalProvider,
  type PortalSection,
  parseInput,
  ReactivateInputSchema,
  type RetryOptions,
  registerSecret,
  UpdateAddressInputSchema,
  unixToIso,
} from "@portalkit/core";
import { toWireAddress } from "./address";
import { type ApiClient, createApiClient, type FetchLike } from "./client";
import { asPortalError, notFound } from "./errors";
import { normalizeCustomer, normalizeInvoice, normalizeSession, normalizeSubscription, PROVIDER_ID } from "./normalize";
import type {
  WireCustomer,
  WireDownload,
  WireInvoice,
  WireInvoiceList,
  WirePortalSession,
  WireSubscription,
} from "./wire";

/** Where the in-memory billing API lives when it is served or mounted on MSW. */
export const MEMORY_API_URL = "https://api.memory.invalid";

export interface MemoryProviderOptions {
  /** Sent as a bearer token; never logged, never part of an error or a launch. */
  apiKey?: string;
  /** Default MEMORY_API_URL. */
  baseUrl?: string;
  /** Default global fetch. Pass a backend's `fetch` to skip the network altogether. */
  fetch?: FetchLike;
  /** Sections opened directly; default all seven. The others need `fallback: "portal"`. */
  sections?: readonly PortalSection[];
  retry?: RetryOptions;
  /** Per attempt; default 10 000 ms. */
  timeoutMs?: number;
}

const NOT_PENDING = INVOICE_STATUSES.filter((status) => status !== "pending");
const path = encodeURIComponent;

export function createMemoryProvider(options: MemoryProviderOptions = {}): PortalProvider {
  const api: ApiClient = createApiClient({
    baseUrl: options.baseUrl ?? MEMORY_API_URL,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  registerSecret(options.apiKey, api);
  const capabilities = defineCapabilities({
    sections: [...(options.sections ?? PORTAL_SECTIONS)],
    cancelModes: ["now", "period_end"],
    addressKinds: ["billing", "shipping"],
    getSubscription: true,
    reactivate: true,
    invoicePdf: true,
    updateAddress: true,
    paymentMethodLaunch: true,
    logout: true,
  });

  // The API does not scope objects to a customer, so every call that names an object
  // reads it first and answers not_found, as for a missing id, when it is someone else's.
  async function ownedSubscription(customerId: string, subscriptionId: string): Promise<WireSubscription> {
    const subscription = await api
      .request<WireSubscription>({ method: "GET", path: `/v1/subscriptions/${path(subscriptionId)}` })
      .catch(rethrowNotFound("subscription", subscriptionId));
    if (subscription.customer_id !== customerId) throw notFound("subscription", subscriptionId);
    return subscription;
  }

  async function ownedInvoice(customerId: string, invoiceId: string): Promise<WireInvoice> {
    const invoice = await api
      .request<WireInvoice>({ method: "GET", path: `/v1/invoices/${path(invoiceId)}` })
      .catch(rethrowNotFound("invoice", invoiceId));
    if (invoice.customer_id !== customerId) throw notFound("invoice", invoiceId);
    return invoice;
  }

  function createPortalSession(body: {
    customer_id: string;
    return_url?: string;
    section?: PortalSection;
    subscription_id?: string;
  }): Promise<WirePortalSession> {
    return api.request<WirePortalSession>({
      method: "POST",
      path: "/v1/portal_sessions",
      body,
      idempotencyKey: createIdempotencyKey(),
    });
  }

  function redirect(session: WirePortalSession, extra: { section?: PortalSection; fallback?: true }): PortalLaunch {
    return {
      kind: "redirect",
      provider: PROVIDER_ID,
      url: session.url,
      expiresAt: unixToIso(session.expires_at),
      ...extra,
    };
  }

  function unsupported(message: string): PortalError {
    return new PortalError({ code: "unsupported", provider: PROVIDER_ID, message });
  }

  const provider: PortalProvider = {
    id: PROVIDER_ID,
    capabilities,

    createSession: guard(async (input) => {
      const { customerId, returnUrl } = parseInput(CreateSessionInputSchema, input, PROVIDER_ID);
      return normalizeSession(await createPortalSession({ customer_id: customerId, return_url: returnUrl }));
    }),

    openPortal: guard(async (input) => {
      const { customerId, returnUrl } = parseInput(OpenPortalInputSchema, input, PROVIDER_ID);
      return redirect(await createPortalSession({ customer_id: customerId, return_url: returnUrl }), {});
    }),

    openSection: guard(async (input) => {
      const { customerId, section, subscriptionId, returnUrl, fallback } = parseInput(
        OpenSectionInputSchema,
        input,
        PROVIDER_ID,
      );
      if (!capabilities.sections.includes(section)) {
        if (fallback !== "portal") throw unsupported(`The section ${section} cannot be opened directly`);
        const session = await createPortalSession({ customer_id: customerId, return_url: returnUrl });
        return redirect(session, { section, fallback: true });
      }
      if (subscriptionId !== undefined) await ownedSubscription(customerId, subscriptionId);
      const session = await createPortalSession({
        customer_id: customerId,
        return_url: returnUrl,
        section,
        subscription_id: subscriptionId,
      });
      return redirect(session, { section });
    }),

    listInvoices: guard(async (input) => {
      const { customerId, subscriptionId, status, includePending, limit, cursor } = parseInput(
        ListInvoicesInputSchema,
        input,
        PROVIDER_ID,
      );
      const statuses = status ?? (includePending ? undefined : NOT_PENDING);
      const list = await api.request<WireInvoiceList>({
        method: "GET",
        path: "/v1/invoices",
        query: {
          customer_id: customerId,
          subscription_id: subscriptionId,
          status: statuses?.join(","),
          limit: String(limit ?? MAX_PAGE_SIZE),
          offset: cursor === undefined ? undefined : decodeCursor(PROVIDER_ID, customerId, cursor),
        },
      });
      return {
        data: list.data.map(normalizeInvoice),
        ...(list.next_offset ? { nextCursor: encodeCursor(PROVIDER_ID, customerId, list.next_offset) } : {}),
      };
    }),

    cancel: guard(async (input) => {
      const { customerId, subscriptionId, when, reason } = parseInput(CancelInputSchema, input, PROVIDER_ID);
      const current = await ownedSubscription(customerId, subscriptionId);
      // Idempotent at the contract level: a subscription already in the asked state is
      // returned as it is, with no second cancellation sent.
      if (current.status === "canceled" || (when === "period_end" && current.cancel_at_period_end)) {
        return normalizeSubscription(current);
      }
      const updated = await api.request<WireSubscription>({
        method: "POST",
        path: `/v1/subscriptions/${path(subscriptionId)}/cancel`,
        body: { at_period_end: when === "period_end", ...(reason ? { reason } : {}) },
        idempotencyKey: createIdempotencyKey(),
      });
      return normalizeSubscription(updated);
    }),

    getSubscription: guard(async (input) => {
      const { customerId, subscriptionId } = parseInput(GetSubscriptionInputSchema, input, PROVIDER_ID);
      return normalizeSubscription(await ownedSubscription(customerId, subscriptionId));
    }),

    reactivate: guard(async (input) => {
      const { customerId, subscriptionId } = parseInput(ReactivateInputSchema, input, PROVIDER_ID);
      const current = await ownedSubscription(customerId, subscriptionId);
      if (current.status !== "canceled" && !current.cancel_at_period_end) return normalizeSubscription(current);
      const updated = await api.request<WireSubscription>({
        method: "POST",
        path: `/v1/subscriptions/${path(subscriptionId)}/reactivate`,
        idempotencyKey: createIdempotencyKey(),
      });
      return normalizeSubscription(updated);
    }),

    invoicePdf: guard(async (input) => {
      const { customerId, invoiceId } = parseInput(InvoicePdfInputSchema, input, PROVIDER_ID);
      await ownedInvoice(customerId, invoiceId);
      const download = await api.request<WireDownload>({ method: "GET", path: `/v1/invoices/${path(invoiceId)}/pdf` });
      return { url: download.url, expiresAt: unixToIso(download.expires_at) };
    }),

    updateAddress: guard(async (input) => {
      const { customerId, kind, subscriptionId, address } = parseInput(UpdateAddressInputSchema, input, PROVIDER_ID);
      if (subscriptionId !== undefined) await ownedSubscription(customerId, subscriptionId);
      const customer = await api.request<WireCustomer>({
        method: "POST",
        path: `/v1/customers/${path(customerId)}/addresses`,
        body: { kind, subscription_id: subscriptionId, address: toWireAddress(address) },
        idempotencyKey: createIdempotencyKey(),
      });
      return normalizeCustomer(customer);
    }),

    paymentMethodLaunch: guard(async (input) => {
      const { customerId, returnUrl } = parseInput(PaymentMethodLaunchInputSchema, input, PROVIDER_ID);
      const session = await createPortalSession({
        customer_id: customerId,
        return_url: returnUrl,
        section: "payment_sources",
      });
      return redirect(session, { section: "payment_sources" });
    }),

    logout: guard(async (input) => {
      const { sessionId } = parseInput(LogoutInputSchema, input, PROVIDER_ID);
      await api.request<WirePortalSession>({
        method: "POST",
        path: `/v1/portal_sessions/${path(sessionId)}/logout`,
        idempotencyKey: createIdempotencyKey(),
      });
    }),
  };
  return provider;
}

function rethrowNotFound(kind: string, id: string) {
  return (error: unknown): never => {
    if (PortalError.isInstance(error) && error.code === "not_found") throw notFound(kind, id);
    throw error;
  };
}

/** Every public method rejects with a PortalError and nothing else. */
function guard<I, O>(method: (input: I) => Promise<O>): (input: I) => Promise<O> {
  return async (input) => {
    try {
      return await method(input);
    } catch (error) {
      throw asPortalError(error);
    }
  };
}
