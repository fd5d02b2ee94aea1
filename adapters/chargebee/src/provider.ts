import {
  CancelInputSchema,
  type Capabilities,
  CreateSessionInputSchema,
  decodeCursor,
  defineCapabilities,
  encodeCursor,
  GetSubscriptionInputSchema,
  InvoicePdfInputSchema,
  type InvoiceStatus,
  ListInvoicesInputSchema,
  LogoutInputSchema,
  MAX_PAGE_SIZE,
  OpenPortalInputSchema,
  OpenSectionInputSchema,
  type Page,
  PaymentMethodLaunchInputSchema,
  PORTAL_SECTIONS,
  PortalError,
  type Invoice as PortalInvoice,
  type PortalProvider,
  parseInput,
  ReactivateInputSchema,
  type RedirectLaunch,
  UpdateAddressInputSchema,
  unixToIso,
} from "@portalkit/core";
import type { ChargebeeRequestHeader, ChargebeeResponse, Invoice, PortalSession, Subscription } from "chargebee";
import { toChargebeeAddress } from "./address";
import type { ChargebeeJsLaunch } from "./launch";
import { toPortalError } from "./map-error";
import { normalizeCustomer } from "./normalize-customer";
import { normalizeInvoice } from "./normalize-invoice";
import { browserPortalSession, normalizePortalSession } from "./normalize-session";
import { normalizeSubscription } from "./normalize-subscription";
import { type ChargebeeProviderOptions, parseOptions } from "./options";
import { CHARGEBEE_PROVIDER_ID } from "./provider-id";
import { createChargebeeClient } from "./sdk-client";
import { CHARGEBEE_SECTION_TYPES, SUBSCRIPTION_SECTIONS } from "./sections";
import { type ChargebeeInvoiceStatus, VENDOR_INVOICE_STATUSES } from "./status-map";

export const CHARGEBEE_CAPABILITIES: Readonly<Capabilities> = defineCapabilities({
  sections: [...PORTAL_SECTIONS],
  cancelModes: ["now", "period_end"],
  addressKinds: ["billing", "shipping"],
  getSubscription: true,
  reactivate: true,
  invoicePdf: true,
  updateAddress: true,
  paymentMethodLaunch: true,
  logout: true,
});

export interface ChargebeeProvider extends PortalProvider {
  readonly id: "chargebee";
  getSubscription: NonNullable<PortalProvider["getSubscription"]>;
  reactivate: NonNullable<PortalProvider["reactivate"]>;
  invoicePdf: NonNullable<PortalProvider["invoicePdf"]>;
  updateAddress: NonNullable<PortalProvider["updateAddress"]>;
  paymentMethodLaunch: NonNullable<PortalProvider["paymentMethodLaunch"]>;
  logout: NonNullable<PortalProvider["logout"]>;
}

/** The SDK types `logout(id, headers)`, but reads headers from the third argument at run time. */
type LogoutCall = (
  id: string,
  params: undefined,
  headers: ChargebeeRequestHeader,
) => Promise<ChargebeeResponse<{ portal_session: PortalSession }>>;

/**
 * A PortalProvider on the official `chargebee` SDK. Chargebee does not check that an
 * object belongs to a customer, so every subscription and invoice operation reads the
 * object first and answers `not_found` for another customer's, as for an unknown id.
 */
export function createChargebeeProvider(options: ChargebeeProviderOptions): ChargebeeProvider {
  const settings = parseOptions(options);
  const client = createChargebeeClient(settings);
  const provider = CHARGEBEE_PROVIDER_ID;

  const notFound = (kind: "Subscription" | "Invoice", id: string) =>
    new PortalError({
      code: "not_found",
      provider,
      status: 404,
      providerCode: "resource_not_found",
      message: `${kind} ${id} not found`,
    });

  async function ownedSubscription(customerId: string, subscriptionId: string): Promise<Subscription> {
    try {
      const { subscription } = await client.read((sdk) => sdk.subscription.retrieve(subscriptionId));
      if (subscription.customer_id === customerId) return subscription;
    } catch (error) {
      if (!(PortalError.isInstance(error) && error.code === "not_found")) throw error;
    }
    throw notFound("Subscription", subscriptionId);
  }

  async function ownedInvoice(customerId: string, invoiceId: string): Promise<Invoice> {
    try {
      const { invoice } = await client.read((sdk) => sdk.invoice.retrieve(invoiceId));
      if (invoice.customer_id === customerId) return invoice;
    } catch (error) {
      if (!(PortalError.isInstance(error) && error.code === "not_found")) throw error;
    }
    throw notFound("Invoice", invoiceId);
  }

  async function createPortalSession(customerId: string, returnUrl: string | undefined): Promise<PortalSession> {
    const { portal_session } = await client.mutate((sdk, headers) =>
      sdk.portalSession.create(
        { customer: { id: customerId }, ...(returnUrl ? { redirect_url: returnUrl } : {}) },
        headers,
      ),
    );
    return portal_session;
  }

  function chargebeeJsLaunch(
    session: PortalSession,
    extra: Pick<ChargebeeJsLaunch, "section" | "fallback" | "chargebeeSection">,
  ): ChargebeeJsLaunch {
    return {
      kind: "chargebee-js",
      provider,
      site: settings.site,
      ...(settings.domain ? { domain: settings.domain } : {}),
      session: browserPortalSession(session),
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

  const impl: ChargebeeProvider = {
    id: "chargebee",
    capabilities: CHARGEBEE_CAPABILITIES,

    async createSession(input) {
      const { customerId, returnUrl } = parseInput(CreateSessionInputSchema, input, provider);
      return normalizePortalSession(await createPortalSession(customerId, returnUrl));
    },

    async openPortal(input) {
      const { customerId, returnUrl } = parseInput(OpenPortalInputSchema, input, provider);
      return chargebeeJsLaunch(await createPortalSession(customerId, returnUrl), {});
    },

    async openSection(input) {
      const { customerId, section, subscriptionId, returnUrl, fallback } = parseInput(
        OpenSectionInputSchema,
        input,
        provider,
      );
      const needsSubscription = SUBSCRIPTION_SECTIONS.has(section);
      if (subscriptionId) await ownedSubscription(customerId, subscriptionId);
      if (needsSubscription && !subscriptionId) {
        if (fallback !== "portal") {
          throw new PortalError({
            code: "invalid_input",
            provider,
            field: "subscriptionId",
            message: `Invalid input at subscriptionId: Chargebee opens ${section} for one subscription`,
          });
        }
        return chargebeeJsLaunch(await createPortalSession(customerId, returnUrl), { section, fallback: true });
      }
      const session = await createPortalSession(customerId, returnUrl);
      const sectionType = CHARGEBEE_SECTION_TYPES[section];
      return chargebeeJsLaunch(session, {
        section,
        chargebeeSection:
          needsSubscription && subscriptionId ? { sectionType, params: { subscriptionId } } : { sectionType },
      });
    },

    async listInvoices(input) {
      const parsed = parseInput(ListInvoicesInputSchema, input, provider);
      const { customerId } = parsed;
      const offset = parsed.cursor ? decodeCursor(provider, customerId, parsed.cursor) : undefined;
      const statuses = vendorStatuses(parsed.status, parsed.includePending);
      if (statuses && statuses.length === 0) return { data: [] };
      const limit = parsed.limit ?? MAX_PAGE_SIZE;
      const response = await client.read((sdk) =>
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
          ...(offset !== undefined ? { offset } : {}),
        }),
      );
      const data: PortalInvoice[] = [];
      for (const entry of response.list) {
        if (entry.invoice.customer_id === customerId) data.push(normalizeInvoice(entry.invoice));
      }
      const page: Page<PortalInvoice> = { data };
      if (response.next_offset) page.nextCursor = encodeCursor(provider, customerId, response.next_offset);
      return page;
    },

    async cancel(input) {
      const { customerId, subscriptionId, when } = parseInput(CancelInputSchema, input, provider);
      const current = await ownedSubscription(customerId, subscriptionId);
      // Already where the call would take it: answer the state without a second cancellation.
      if (current.status === "cancelled" || current.status === "transferred") return normalizeSubscription(current);
      if (when === "period_end" && current.status === "non_renewing") return normalizeSubscription(current);
      const { subscription } = await client.mutate((sdk, headers) =>
        sdk.subscription.cancelForItems(subscriptionId, { end_of_term: when === "period_end" }, headers),
      );
      return normalizeSubscription(subscription);
    },

    async getSubscription(input) {
      const { customerId, subscriptionId } = parseInput(GetSubscriptionInputSchema, input, provider);
      return normalizeSubscription(await ownedSubscription(customerId, subscriptionId));
    },

    async reactivate(input) {
      const { customerId, subscriptionId } = parseInput(ReactivateInputSchema, input, provider);
      const current = await ownedSubscription(customerId, subscriptionId);
      if (current.status === "non_renewing") {
        const { subscription } = await client.mutate((sdk, headers) =>
          sdk.subscription.removeScheduledCancellation(subscriptionId, undefined, headers),
        );
        return normalizeSubscription(subscription);
      }
      if (current.status === "cancelled") {
        const { subscription } = await client.mutate((sdk, headers) =>
          sdk.subscription.reactivate(subscriptionId, undefined, headers),
        );
        return normalizeSubscription(subscription);
      }
      return normalizeSubscription(current);
    },

    async invoicePdf(input) {
      const { customerId, invoiceId } = parseInput(InvoicePdfInputSchema, input, provider);
      await ownedInvoice(customerId, invoiceId);
      const { download } = await client.mutate((sdk, headers) => sdk.invoice.pdf(invoiceId, undefined, headers));
      const expiresAt = unixToIso(download.valid_till);
      return expiresAt ? { url: download.download_url, expiresAt } : { url: download.download_url };
    },

    async updateAddress(input) {
      const { customerId, kind, subscriptionId, address } = parseInput(UpdateAddressInputSchema, input, provider);
      const owned = subscriptionId ? await ownedSubscription(customerId, subscriptionId) : undefined;
      const fields = toChargebeeAddress(address);
      if (kind === "billing") {
        const { customer } = await client.mutate((sdk, headers) =>
          sdk.customer.updateBillingInfo(customerId, { billing_address: fields }, headers),
        );
        return normalizeCustomer(customer, owned);
      }
      if (!owned || !subscriptionId) {
        throw new PortalError({
          code: "invalid_input",
          provider,
          field: "subscriptionId",
          message: "Invalid input at subscriptionId: Chargebee keeps the shipping address on a subscription",
        });
      }
      const { customer, subscription } = await client.mutate((sdk, headers) =>
        sdk.subscription.updateForItems(subscriptionId, { shipping_address: fields }, headers),
      );
      return normalizeCustomer(customer, subscription);
    },

    async paymentMethodLaunch(input) {
      const { customerId, returnUrl } = parseInput(PaymentMethodLaunchInputSchema, input, provider);
      const { hosted_page } = await client.mutate((sdk, headers) =>
        sdk.hostedPage.managePaymentSources(
          { customer: { id: customerId }, ...(returnUrl ? { redirect_url: returnUrl } : {}) },
          headers,
        ),
      );
      if (!hosted_page.url) {
        throw new PortalError({
          code: "unavailable",
          provider,
          message: "Chargebee returned a hosted page without a URL",
        });
      }
      const launch: RedirectLaunch = { kind: "redirect", provider, url: hosted_page.url };
      const expiresAt = unixToIso(hosted_page.expires_at);
      if (expiresAt) launch.expiresAt = expiresAt;
      return launch;
    },

    async logout(input) {
      const { sessionId } = parseInput(LogoutInputSchema, input, provider);
      await client.mutate((sdk, headers) =>
        (sdk.portalSession.logout as unknown as LogoutCall)(sessionId, undefined, headers),
      );
    },
  };

  return guardAll(impl);
}

/** Whatever goes wrong inside (a bug included), callers only ever see a PortalError. */
function guardAll(provider: ChargebeeProvider): ChargebeeProvider {
  const guarded = { ...provider };
  for (const key of Object.keys(provider) as Array<keyof ChargebeeProvider>) {
    const value = provider[key];
    if (typeof value !== "function") continue;
    const method = value as (input: unknown) => Promise<unknown>;
    Object.assign(guarded, {
      [key]: async (input: unknown) => {
        try {
          return await method(input);
        } catch (error) {
          throw toPortalError(error);
        }
      },
    });
  }
  return Object.freeze(guarded);
}
