import type { Invoice, InvoiceStatus, Subscription } from "@portalkit/core";
import type { AdapterContext, AdapterOperations } from "@portalkit/core/adapter";
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import { joinName, toStripeAddressParams } from "./address";
import { normalizeCustomer } from "./normalize-customer";
import { normalizeInvoice } from "./normalize-invoice";
import { hasEnded, isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
import { idOf } from "./raw";

/** Stripe does not scope objects to a customer: the kit checks each named one through these. */
export const STRIPE_LOOKUPS = {
  subscription: {
    kind: "subscription",
    read: (stripe: Stripe, id: string) => stripe.subscriptions.retrieve(id),
    customerOf: (subscription: Stripe.Subscription) => idOf(subscription.customer),
  },
  invoice: {
    kind: "invoice",
    read: (stripe: Stripe, id: string) => stripe.invoices.retrieve(id),
    customerOf: (invoice: Stripe.Invoice) => idOf(invoice.customer),
  },
};

/** What the billing operations need of their provider: Stripe, its lookups, any options. */
export type StripeContext = AdapterContext<Stripe, typeof STRIPE_LOOKUPS, unknown>;

/** Most of Stripe's pages one `listInvoices` call reads while filtering. */
const MAX_PAGES_PER_CALL = 20;

/** Stripe filters a list by one status at most; portalkit's `pending` has no Stripe equivalent. */
const STRIPE_STATUSES: ReadonlySet<InvoiceStatus> = new Set(["draft", "open", "paid", "void", "uncollectible"]);

/** The customer, read from Stripe; `not_found` when it is missing or deleted. */
export async function retrieveCustomer(
  ctx: StripeContext,
  customerId: string,
  params?: Stripe.CustomerRetrieveParams,
): Promise<Stripe.Customer> {
  const customer = await ctx.read((stripe) => stripe.customers.retrieve(customerId, params));
  if (customer.deleted) throw ctx.error({ code: "not_found", status: 404, message: `No customer ${customerId}` });
  return customer;
}

/**
 * Stripe billing data behind the portal contract: invoices, subscriptions and addresses.
 * `createStripeProvider` and `createBillflowProvider` both take these operations.
 */
export const STRIPE_BILLING_OPERATIONS = {
  async listInvoices(input, ctx) {
    const { provider } = ctx;
    const limit = input.limit ?? MAX_PAGE_SIZE;
    let after = input.cursor === undefined ? undefined : decodeCursor(provider, input.customerId, input.cursor);
    const wanted = input.status?.filter((status) => STRIPE_STATUSES.has(status));
    if (wanted !== undefined && wanted.length === 0) return { data: [] };
    // One status is filtered by Stripe; several are filtered here, fetching on until the page is full.
    const serverStatus = wanted?.length === 1 ? (wanted[0] as Stripe.InvoiceListParams.Status) : undefined;
    const keep = wanted && wanted.length > 1 ? new Set<string>(wanted) : undefined;

    const data: Invoice[] = [];
    const seen = new Set<string>();
    for (let pages = 1; ; pages++) {
      const query = new URLSearchParams({ customer: input.customerId, limit: String(limit) });
      if (input.subscriptionId !== undefined) query.set("subscription", input.subscriptionId);
      if (serverStatus !== undefined) query.set("status", serverStatus);
      if (after !== undefined) query.set("starting_after", after);
      // Read as Stripe's wire JSON: `invoices.list` would turn each line's decimal strings
      // into Stripe.Decimal objects that `raw` must then turn back, walking every invoice
      // of the page, which cost more than the request. The invoice fields read here are
      // the same in both forms.
      const page = (await ctx.read((stripe) =>
        stripe.rawRequest("GET", `/v1/invoices?${query}`),
      )) as unknown as Stripe.ApiList<Stripe.Invoice>;
      for (const [index, invoice] of page.data.entries()) {
        // Stripe never lists an invoice twice; an answer that does is not moving forward.
        if (seen.has(invoice.id)) {
          throw ctx.error({
            code: "unavailable",
            retryable: false,
            message: `Stripe listed invoice ${invoice.id} twice in one listing; stopped rather than loop`,
          });
        }
        seen.add(invoice.id);
        after = invoice.id;
        if (idOf(invoice.customer) !== input.customerId) continue;
        if (keep && !keep.has(invoice.status ?? "draft")) continue;
        data.push(normalizeInvoice(invoice, provider, invoice as unknown as Record<string, unknown>));
        if (data.length === limit) {
          const more = page.has_more || index < page.data.length - 1;
          return more ? { data, nextCursor: encodeCursor(provider, input.customerId, invoice.id) } : { data };
        }
      }
      if (!page.has_more || page.data.length === 0) return { data };
      // Filtering here may need many of Stripe's pages to fill one; the work of one call is
      // bounded, and the cursor carries on from the last invoice looked at.
      if (pages >= MAX_PAGES_PER_CALL && after !== undefined) {
        return { data, nextCursor: encodeCursor(provider, input.customerId, after) };
      }
    }
  },

  async getCustomer(input, ctx) {
    const customer = await retrieveCustomer(ctx, input.customerId, {
      expand: ["invoice_settings.default_payment_method"],
    });
    return normalizeCustomer(customer, ctx.provider);
  },

  async listSubscriptions(input, ctx) {
    const { provider } = ctx;
    const limit = input.limit ?? MAX_PAGE_SIZE;
    const after = input.cursor === undefined ? undefined : decodeCursor(provider, input.customerId, input.cursor);
    const wanted = input.status ? new Set<string>(input.status) : undefined;
    // `status: "all"`: Stripe leaves canceled subscriptions out of a list unless asked.
    const page = await ctx.read((stripe) =>
      stripe.subscriptions.list({
        customer: input.customerId,
        status: "all",
        limit,
        ...(after !== undefined ? { starting_after: after } : {}),
      }),
    );
    const data: Subscription[] = [];
    for (const subscription of page.data) {
      if (idOf(subscription.customer) !== input.customerId) continue;
      const normalized = normalizeSubscription(subscription, provider);
      // Stripe has no status for a scheduled cancellation: portable statuses are filtered here.
      if (wanted && !wanted.has(normalized.status)) continue;
      data.push(normalized);
    }
    const last = page.data.at(-1);
    return page.has_more && last ? { data, nextCursor: encodeCursor(provider, input.customerId, last.id) } : { data };
  },

  async getSubscription(input, ctx) {
    return normalizeSubscription(await ctx.owned.subscription(input.customerId, input.subscriptionId), ctx.provider);
  },

  async cancel(input, ctx) {
    const current = await ctx.owned.subscription(input.customerId, input.subscriptionId);
    // Read first: asking again for what already holds sends no second mutation.
    if (hasEnded(current)) return normalizeSubscription(current, ctx.provider);
    if (input.when === "period_end" && current.cancel_at_period_end) {
      return normalizeSubscription(current, ctx.provider);
    }
    const details = input.reason === undefined ? {} : { cancellation_details: { comment: input.reason } };
    const updated = await ctx.mutate((stripe, { idempotencyKey }) =>
      input.when === "now"
        ? stripe.subscriptions.cancel(input.subscriptionId, details, { idempotencyKey })
        : stripe.subscriptions.update(
            input.subscriptionId,
            { cancel_at_period_end: true, ...details },
            { idempotencyKey },
          ),
    );
    return normalizeSubscription(updated, ctx.provider);
  },

  async reactivate(input, ctx) {
    const current = await ctx.owned.subscription(input.customerId, input.subscriptionId);
    if (hasEnded(current)) {
      throw ctx.error({
        code: "conflict",
        status: 409,
        message: `Subscription ${input.subscriptionId} has ended; Stripe cannot reactivate it (create a new one)`,
      });
    }
    if (!isCancelScheduled(current)) return normalizeSubscription(current, ctx.provider);
    const params: Stripe.SubscriptionUpdateParams = current.cancel_at_period_end
      ? { cancel_at_period_end: false }
      : { cancel_at: "" };
    const updated = await ctx.mutate((stripe, { idempotencyKey }) =>
      stripe.subscriptions.update(input.subscriptionId, params, { idempotencyKey }),
    );
    return normalizeSubscription(updated, ctx.provider);
  },

  async invoicePdf(input, ctx) {
    const invoice = await ctx.owned.invoice(input.customerId, input.invoiceId);
    if (!invoice.invoice_pdf) {
      throw ctx.error({
        code: "conflict",
        status: 409,
        message: `Invoice ${input.invoiceId} is a draft; Stripe makes its PDF when it is finalized`,
      });
    }
    return { url: invoice.invoice_pdf };
  },

  async updateAddress(input, ctx) {
    const { address } = input;
    if (input.kind === "shipping") {
      for (const field of ["email", "company"] as const) {
        if (address[field] !== undefined) {
          throw ctx.error({
            code: "invalid_input",
            field: `address.${field}`,
            message: `Invalid input at address.${field}: a Stripe shipping address has no ${field}`,
          });
        }
      }
    }
    // Stripe keeps addresses on the customer; a named subscription must still be this customer's.
    if (input.subscriptionId !== undefined) await ctx.owned.subscription(input.customerId, input.subscriptionId);
    let name = joinName(address);
    let params: Stripe.CustomerUpdateParams;
    if (input.kind === "billing") {
      params = { address: toStripeAddressParams(address) };
      if (name !== undefined) params.name = name;
      if (address.phone !== undefined) params.phone = address.phone;
      if (address.email !== undefined) params.email = address.email;
      if (address.company !== undefined) params.business_name = address.company;
    } else {
      if (name === undefined) {
        // Stripe needs a name on a shipping address: keep the one the customer already has.
        const customer = await retrieveCustomer(ctx, input.customerId);
        name = customer.shipping?.name || customer.name || undefined;
      }
      if (name === undefined) {
        throw ctx.error({
          code: "invalid_input",
          field: "address.firstName",
          message: "Invalid input at address.firstName: a Stripe shipping address needs a name",
        });
      }
      const shipping: Stripe.CustomerUpdateParams.Shipping = { name, address: toStripeAddressParams(address) };
      if (address.phone !== undefined) shipping.phone = address.phone;
      params = { shipping };
    }
    const customer = await ctx.mutate((stripe, { idempotencyKey }) =>
      stripe.customers.update(input.customerId, params, { idempotencyKey }),
    );
    return normalizeCustomer(customer, ctx.provider);
  },
} satisfies AdapterOperations<StripeContext>;
