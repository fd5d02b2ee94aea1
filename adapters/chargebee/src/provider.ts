import type {
  InvoiceStatus,
  OpenPortalInput,
  Page,
  Invoice as PortalInvoice,
  Subscription as PortalSubscription,
  RedirectLaunch,
} from "@portalkit/core";
import {
  type AdapterContext,
  decodeCursor,
  defineAdapter,
  encodeCursor,
  type LaunchingProvider,
  MAX_PAGE_SIZE,
  unixToIso,
} from "@portalkit/core/adapter";
import type Chargebee from "chargebee";
import type { ChargebeeRequestHeader, ChargebeeResponse, Invoice, PortalSession, Subscription } from "chargebee";
import { toChargebeeAddress } from "./address";
import { chargebeeCapabilities } from "./capabilities";
import { createChargebeeClient } from "./client";
import { toPortalError } from "./errors";
import type { ChargebeeJsLaunch } from "./launch";
import { normalizeCustomer } from "./normalize-customer";
import { normalizeInvoice } from "./normalize-invoice";
import { browserPortalSession, normalizePortalSession } from "./normalize-session";
import { normalizeSubscription } from "./normalize-subscription";
import { type ChargebeeProviderOptions, ChargebeeProviderOptionsSchema } from "./options";
import { CHARGEBEE_SECTION_TYPES, CHARGEBEE_SECTIONS } from "./sections";
import {
  type ChargebeeInvoiceStatus,
  type ChargebeeSubscriptionStatus,
  VENDOR_INVOICE_STATUSES,
  VENDOR_SUBSCRIPTION_STATUSES,
} from "./status-map";
import { parseChargebeeWebhook } from "./webhook";

/** The SDK types `logout(id, headers)`, but reads headers from the third argument at run time. */
type LogoutCall = (
  id: string,
  params: undefined,
  headers: ChargebeeRequestHeader,
) => Promise<ChargebeeResponse<{ portal_session: PortalSession }>>;

const idempotent = (key: string): ChargebeeRequestHeader => ({ "chargebee-idempotency-key": key });

// Chargebee does not check that an object belongs to a customer: the kit reads each named
// object through these and answers not_found for another customer's, as for an unknown id.
const lookups = {
  subscription: {
    kind: "subscription",
    read: async (sdk: Chargebee, id: string) => (await sdk.subscription.retrieve(id)).subscription,
    customerOf: (subscription: Subscription) => subscription.customer_id,
  },
  invoice: {
    kind: "invoice",
    read: async (sdk: Chargebee, id: string) => (await sdk.invoice.retrieve(id)).invoice,
    customerOf: (invoice: Invoice) => invoice.customer_id,
  },
  portalSession: {
    kind: "portal session",
    read: async (sdk: Chargebee, id: string) => (await sdk.portalSession.retrieve(id)).portal_session,
    customerOf: (session: PortalSession) => session.customer_id,
  },
};

type Context = AdapterContext<Chargebee, typeof lookups, ChargebeeProviderOptions>;

async function createPortalSession(ctx: Context, customerId: string, returnUrl?: string): Promise<PortalSession> {
  const { portal_session } = await ctx.mutate((sdk, { idempotencyKey }) =>
    sdk.portalSession.create(
      { customer: { id: customerId }, ...(returnUrl ? { redirect_url: returnUrl } : {}) },
      idempotent(idempotencyKey),
    ),
  );
  return portal_session;
}

function chargebeeJsLaunch(
  ctx: Context,
  session: PortalSession,
  extra: Pick<ChargebeeJsLaunch, "section" | "fallback" | "chargebeeSection"> = {},
): ChargebeeJsLaunch {
  return {
    kind: "chargebee-js",
    provider: ctx.provider,
    site: ctx.options.site,
    ...(ctx.options.domain ? { domain: ctx.options.domain } : {}),
    session: browserPortalSession(session),
    sessionId: session.id,
    ...extra,
  };
}

function vendorStatuses(
  status: readonly InvoiceStatus[] | undefined,
  includePending: boolean | undefined,
): ChargebeeInvoiceStatus[] | undefined {
  if (!status) return undefined;
  const wanted = status.filter((s) => s !== "pending" || includePending !== false);
  return [...new Set(wanted.flatMap((s) => VENDOR_INVOICE_STATUSES[s]))];
}

const chargebeeAdapter = defineAdapter({
  id: "chargebee",
  vendor: "Chargebee",
  options: ChargebeeProviderOptionsSchema,
  secrets: ["apiKey", "webhookAuth.password"],
  client: (options: ChargebeeProviderOptions): Chargebee => createChargebeeClient(options),
  toPortalError,
  capabilities: chargebeeCapabilities,
  sections: CHARGEBEE_SECTIONS,
  lookups,
  operations: {
    async createSession({ customerId, returnUrl }, ctx) {
      return normalizePortalSession(await createPortalSession(ctx, customerId, returnUrl));
    },

    async openPortal({ customerId, returnUrl }: OpenPortalInput, ctx): Promise<ChargebeeJsLaunch> {
      return chargebeeJsLaunch(ctx, await createPortalSession(ctx, customerId, returnUrl));
    },

    async openSection({ customerId, section, subscriptionId, returnUrl, fallback }, ctx, { spec }) {
      if (spec.subscription && !subscriptionId) {
        if (fallback !== "portal") {
          throw ctx.error({
            code: "invalid_input",
            field: "subscriptionId",
            message: `Invalid input at subscriptionId: Chargebee opens ${section} for one subscription`,
          });
        }
        const session = await createPortalSession(ctx, customerId, returnUrl);
        return chargebeeJsLaunch(ctx, session, { section, fallback: true });
      }
      const session = await createPortalSession(ctx, customerId, returnUrl);
      const sectionType = CHARGEBEE_SECTION_TYPES[section];
      return chargebeeJsLaunch(ctx, session, {
        section,
        chargebeeSection:
          spec.subscription && subscriptionId ? { sectionType, params: { subscriptionId } } : { sectionType },
      });
    },

    async listInvoices(parsed, ctx) {
      const { customerId } = parsed;
      const offset = parsed.cursor ? decodeCursor(ctx.provider, customerId, parsed.cursor) : undefined;
      const statuses = vendorStatuses(parsed.status, parsed.includePending);
      if (statuses && statuses.length === 0) return { data: [] };
      const limit = parsed.limit ?? MAX_PAGE_SIZE;
      const response = await ctx.read((sdk) =>
        sdk.invoice.list({
          limit,
          customer_id: { is: customerId },
          ...(parsed.subscriptionId ? { subscription_id: { is: parsed.subscriptionId } } : {}),
          ...(statuses
            ? { status: { in: statuses } }
            : parsed.includePending
              ? {}
              : { status: { is_not: "pending" satisfies ChargebeeInvoiceStatus } }),
          "sort_by[desc]": "date",
          // Undefined on the first page: the SDK sends no parameter that is undefined.
          offset,
        }),
      );
      const data: PortalInvoice[] = [];
      for (const entry of response.list) {
        if (entry.invoice.customer_id === customerId) data.push(normalizeInvoice(entry.invoice));
      }
      const page: Page<PortalInvoice> = { data };
      if (response.next_offset) page.nextCursor = encodeCursor(ctx.provider, customerId, response.next_offset);
      return page;
    },

    async cancel({ customerId, subscriptionId, when, reason }, ctx) {
      // Chargebee keeps a reason only as one of the site's codes: anything else is refused
      // here, before any request, rather than dropped.
      // Stryker disable next-line ArrayDeclaration: without codes the kit refuses every reason before this runs
      if (reason !== undefined && !(ctx.options.cancelReasonCodes ?? []).includes(reason)) {
        throw ctx.error({
          code: "invalid_input",
          field: "reason",
          retryable: false,
          message:
            "Invalid input at reason: Chargebee takes one of the site's cancellation reason codes (the provider's cancelReasonCodes)",
        });
      }
      const current = await ctx.owned.subscription(customerId, subscriptionId);
      // Already where the call would take it: answer the state without a second cancellation.
      if (current.status === "cancelled" || current.status === "transferred") return normalizeSubscription(current);
      if (when === "period_end" && current.status === "non_renewing") return normalizeSubscription(current);
      const { subscription } = await ctx.mutate((sdk, { idempotencyKey }) =>
        sdk.subscription.cancelForItems(
          subscriptionId,
          // Without a reason the SDK sends no cancel_reason_code (it leaves out what is undefined).
          { end_of_term: when === "period_end", cancel_reason_code: reason },
          idempotent(idempotencyKey),
        ),
      );
      return normalizeSubscription(subscription);
    },

    async getSubscription({ customerId, subscriptionId }, ctx) {
      return normalizeSubscription(await ctx.owned.subscription(customerId, subscriptionId));
    },

    async reactivate({ customerId, subscriptionId }, ctx) {
      const current = await ctx.owned.subscription(customerId, subscriptionId);
      if (current.status === "non_renewing") {
        const { subscription } = await ctx.mutate((sdk, { idempotencyKey }) =>
          sdk.subscription.removeScheduledCancellation(subscriptionId, undefined, idempotent(idempotencyKey)),
        );
        return normalizeSubscription(subscription);
      }
      if (current.status === "cancelled") {
        const { subscription } = await ctx.mutate((sdk, { idempotencyKey }) =>
          sdk.subscription.reactivate(subscriptionId, undefined, idempotent(idempotencyKey)),
        );
        return normalizeSubscription(subscription);
      }
      return normalizeSubscription(current);
    },

    async invoicePdf({ customerId, invoiceId }, ctx) {
      await ctx.owned.invoice(customerId, invoiceId);
      const { download } = await ctx.mutate((sdk, { idempotencyKey }) =>
        sdk.invoice.pdf(invoiceId, undefined, idempotent(idempotencyKey)),
      );
      const expiresAt = unixToIso(download.valid_till);
      return expiresAt ? { url: download.download_url, expiresAt } : { url: download.download_url };
    },

    async updateAddress({ customerId, kind, subscriptionId, address }, ctx) {
      const owned = subscriptionId ? await ctx.owned.subscription(customerId, subscriptionId) : undefined;
      const fields = toChargebeeAddress(address);
      if (kind === "billing") {
        const { customer } = await ctx.mutate((sdk, { idempotencyKey }) =>
          sdk.customer.updateBillingInfo(customerId, { billing_address: fields }, idempotent(idempotencyKey)),
        );
        return normalizeCustomer(customer, owned);
      }
      if (!subscriptionId) {
        throw ctx.error({
          code: "invalid_input",
          field: "subscriptionId",
          message: "Invalid input at subscriptionId: Chargebee keeps the shipping address on a subscription",
        });
      }
      const { customer, subscription } = await ctx.mutate((sdk, { idempotencyKey }) =>
        sdk.subscription.updateForItems(subscriptionId, { shipping_address: fields }, idempotent(idempotencyKey)),
      );
      return normalizeCustomer(customer, subscription);
    },

    async getCustomer({ customerId }, ctx) {
      const { customer, card } = await ctx.read((sdk) => sdk.customer.retrieve(customerId));
      // A shipping address lives on each subscription (see listSubscriptions), not on the customer.
      return normalizeCustomer(customer, undefined, card);
    },

    async listSubscriptions(parsed, ctx) {
      const { customerId } = parsed;
      const offset = parsed.cursor ? decodeCursor(ctx.provider, customerId, parsed.cursor) : undefined;
      const wanted = parsed.status ? new Set<string>(parsed.status) : undefined;
      const statuses = parsed.status
        ? [...new Set(parsed.status.flatMap((s) => VENDOR_SUBSCRIPTION_STATUSES[s]))]
        : undefined;
      const response = await ctx.read((sdk) =>
        sdk.subscription.list({
          limit: parsed.limit ?? MAX_PAGE_SIZE,
          customer_id: { is: customerId },
          ...(statuses ? { status: { in: statuses satisfies ChargebeeSubscriptionStatus[] } } : {}),
          "sort_by[desc]": "created_at",
          // Undefined on the first page: the SDK sends no parameter that is undefined.
          offset,
        }),
      );
      const data: PortalSubscription[] = [];
      for (const { subscription } of response.list) {
        if (subscription.customer_id !== customerId) continue;
        const normalized = normalizeSubscription(subscription);
        // `active` stands for both active and past_due at Chargebee: keep only what was asked.
        if (wanted && !wanted.has(normalized.status)) continue;
        data.push(normalized);
      }
      const page: Page<PortalSubscription> = { data };
      if (response.next_offset) page.nextCursor = encodeCursor(ctx.provider, customerId, response.next_offset);
      return page;
    },

    async paymentMethodLaunch({ customerId, returnUrl }, ctx) {
      const { hosted_page } = await ctx.mutate((sdk, { idempotencyKey }) =>
        sdk.hostedPage.managePaymentSources(
          { customer: { id: customerId }, ...(returnUrl ? { redirect_url: returnUrl } : {}) },
          idempotent(idempotencyKey),
        ),
      );
      if (!hosted_page.url) {
        throw ctx.error({ code: "unavailable", message: "Chargebee returned a hosted page without a URL" });
      }
      const launch: RedirectLaunch = { kind: "redirect", provider: ctx.provider, url: hosted_page.url };
      const expiresAt = unixToIso(hosted_page.expires_at);
      if (expiresAt) launch.expiresAt = expiresAt;
      return launch;
    },

    parseWebhook: (input, ctx) => parseChargebeeWebhook(input, ctx),

    async logout({ customerId, sessionId }, ctx) {
      // Chargebee logs out any session by id: the session is read first and must be this
      // customer's (not_found otherwise, as for an unknown id).
      await ctx.owned.portalSession(customerId, sessionId);
      await ctx.mutate((sdk, { idempotencyKey }) =>
        (sdk.portalSession.logout as unknown as LogoutCall)(sessionId, undefined, idempotent(idempotencyKey)),
      );
    },
  },
});

export type { ChargebeeProviderOptions } from "./options";

/** A PortalProvider on the official `chargebee` SDK; launches run with Chargebee.js. */
export type ChargebeeProvider = LaunchingProvider<ReturnType<typeof chargebeeAdapter>, ChargebeeJsLaunch>;

/**
 * A PortalProvider on the official `chargebee` SDK. Chargebee does not check that an
 * object belongs to a customer, so every subscription and invoice operation reads the
 * object first and answers `not_found` for another customer's, as for an unknown id.
 */
export function createChargebeeProvider(options: ChargebeeProviderOptions): ChargebeeProvider {
  return chargebeeAdapter(options) as ChargebeeProvider;
}
