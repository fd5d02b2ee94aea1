import {
  type CancelInput,
  CancelInputSchema,
  type Customer,
  decodeCursor,
  encodeCursor,
  type GetSubscriptionInput,
  GetSubscriptionInputSchema,
  type Invoice,
  type InvoicePdf,
  type InvoicePdfInput,
  InvoicePdfInputSchema,
  type InvoiceStatus,
  type ListInvoicesInput,
  ListInvoicesInputSchema,
  MAX_PAGE_SIZE,
  type Page,
  PortalError,
  parseInput,
  type ReactivateInput,
  ReactivateInputSchema,
  type Subscription,
  type UpdateAddressInput,
  UpdateAddressInputSchema,
} from "@portalkit/core";
import type Stripe from "stripe";
import { joinName, toStripeAddressParams } from "./address";
import { normalizeCustomer } from "./normalize-customer";
import { normalizeInvoice } from "./normalize-invoice";
import { hasEnded, isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
import { idOf } from "./raw";
import {
  createStripeRunner,
  type StripeConnectionOptions,
  StripeConnectionOptionsSchema,
  type StripeRunner,
} from "./stripe-client";
import { rejectingWithPortalError } from "./stripe-error";

export interface StripeBillingOptions extends StripeConnectionOptions {
  /** The provider id written on normalized objects, cursors and errors. Default `stripe`. */
  providerId?: string;
}

/**
 * Stripe billing data behind the portal contract: invoices, subscriptions and addresses,
 * each checked to belong to the customer named. `createStripeProvider` and
 * `createBillflowProvider` both compose it.
 */
export interface StripeBilling {
  readonly providerId: string;
  readonly runner: StripeRunner;
  listInvoices(input: ListInvoicesInput): Promise<Page<Invoice>>;
  cancel(input: CancelInput): Promise<Subscription>;
  getSubscription(input: GetSubscriptionInput): Promise<Subscription>;
  reactivate(input: ReactivateInput): Promise<Subscription>;
  invoicePdf(input: InvoicePdfInput): Promise<InvoicePdf>;
  updateAddress(input: UpdateAddressInput): Promise<Customer>;
  /** The subscription, read from Stripe; `not_found` when it is missing or another customer's. */
  ownedSubscription(customerId: string, subscriptionId: string): Promise<Stripe.Subscription>;
  /** The customer, read from Stripe; `not_found` when it is missing or deleted. */
  retrieveCustomer(customerId: string): Promise<Stripe.Customer>;
}

/** Most of Stripe's pages one `listInvoices` call reads while filtering. */
const MAX_PAGES_PER_CALL = 20;

/** Stripe filters a list by one status at most; portalkit's `pending` has no Stripe equivalent. */
const STRIPE_STATUSES: ReadonlySet<InvoiceStatus> = new Set(["draft", "open", "paid", "void", "uncollectible"]);

export function createStripeBilling(options: StripeBillingOptions): StripeBilling {
  const provider = options?.providerId ?? "stripe";
  parseInput(StripeConnectionOptionsSchema, options, provider);
  const runner = createStripeRunner(options, provider);

  function notFound(kind: string, id: string): PortalError {
    return new PortalError({
      code: "not_found",
      provider,
      status: 404,
      message: `No ${kind} ${id} for this customer`,
    });
  }

  async function ownedSubscription(customerId: string, subscriptionId: string): Promise<Stripe.Subscription> {
    const subscription = await runner.read((stripe) => stripe.subscriptions.retrieve(subscriptionId));
    if (idOf(subscription.customer) !== customerId) throw notFound("subscription", subscriptionId);
    return subscription;
  }

  async function retrieveCustomer(customerId: string): Promise<Stripe.Customer> {
    const customer = await runner.read((stripe) => stripe.customers.retrieve(customerId));
    if (customer.deleted) {
      throw new PortalError({ code: "not_found", provider, status: 404, message: `No customer ${customerId}` });
    }
    return customer;
  }

  async function ownedInvoice(customerId: string, invoiceId: string): Promise<Stripe.Invoice> {
    const invoice = await runner.read((stripe) => stripe.invoices.retrieve(invoiceId));
    if (idOf(invoice.customer) !== customerId) throw notFound("invoice", invoiceId);
    return invoice;
  }

  async function listInvoices(raw: ListInvoicesInput): Promise<Page<Invoice>> {
    const input = parseInput(ListInvoicesInputSchema, raw, provider);
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
      const page = (await runner.read((stripe) =>
        stripe.rawRequest("GET", `/v1/invoices?${query}`),
      )) as unknown as Stripe.ApiList<Stripe.Invoice>;
      for (const [index, invoice] of page.data.entries()) {
        // Stripe never lists an invoice twice; an answer that does is not moving forward.
        if (seen.has(invoice.id)) throw notAdvancing(invoice.id);
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
  }

  function notAdvancing(invoiceId: string): PortalError {
    return new PortalError({
      code: "unavailable",
      provider,
      retryable: false,
      message: `Stripe listed invoice ${invoiceId} twice in one listing; stopped rather than loop`,
    });
  }

  async function getSubscription(raw: GetSubscriptionInput): Promise<Subscription> {
    const input = parseInput(GetSubscriptionInputSchema, raw, provider);
    return normalizeSubscription(await ownedSubscription(input.customerId, input.subscriptionId), provider);
  }

  async function cancel(raw: CancelInput): Promise<Subscription> {
    const input = parseInput(CancelInputSchema, raw, provider);
    const current = await ownedSubscription(input.customerId, input.subscriptionId);
    // Read first: asking again for what already holds sends no second mutation.
    if (hasEnded(current)) return normalizeSubscription(current, provider);
    if (input.when === "period_end" && current.cancel_at_period_end) return normalizeSubscription(current, provider);
    const details = input.reason === undefined ? {} : { cancellation_details: { comment: input.reason } };
    const updated =
      input.when === "now"
        ? await runner.mutate((stripe, requestOptions) =>
            stripe.subscriptions.cancel(input.subscriptionId, details, requestOptions),
          )
        : await runner.mutate((stripe, requestOptions) =>
            stripe.subscriptions.update(
              input.subscriptionId,
              { cancel_at_period_end: true, ...details },
              requestOptions,
            ),
          );
    return normalizeSubscription(updated, provider);
  }

  async function reactivate(raw: ReactivateInput): Promise<Subscription> {
    const input = parseInput(ReactivateInputSchema, raw, provider);
    const current = await ownedSubscription(input.customerId, input.subscriptionId);
    if (hasEnded(current)) {
      throw new PortalError({
        code: "conflict",
        provider,
        status: 409,
        message: `Subscription ${input.subscriptionId} has ended; Stripe cannot reactivate it (create a new one)`,
      });
    }
    if (!isCancelScheduled(current)) return normalizeSubscription(current, provider);
    const params: Stripe.SubscriptionUpdateParams = current.cancel_at_period_end
      ? { cancel_at_period_end: false }
      : { cancel_at: "" };
    const updated = await runner.mutate((stripe, requestOptions) =>
      stripe.subscriptions.update(input.subscriptionId, params, requestOptions),
    );
    return normalizeSubscription(updated, provider);
  }

  async function invoicePdf(raw: InvoicePdfInput): Promise<InvoicePdf> {
    const input = parseInput(InvoicePdfInputSchema, raw, provider);
    const invoice = await ownedInvoice(input.customerId, input.invoiceId);
    if (!invoice.invoice_pdf) {
      throw new PortalError({
        code: "conflict",
        provider,
        status: 409,
        message: `Invoice ${input.invoiceId} is a draft; Stripe makes its PDF when it is finalized`,
      });
    }
    return { url: invoice.invoice_pdf };
  }

  async function updateAddress(raw: UpdateAddressInput): Promise<Customer> {
    const input = parseInput(UpdateAddressInputSchema, raw, provider);
    const { address } = input;
    if (input.kind === "shipping") {
      for (const field of ["email", "company"] as const) {
        if (address[field] !== undefined) {
          throw new PortalError({
            code: "invalid_input",
            provider,
            field: `address.${field}`,
            message: `Invalid input at address.${field}: a Stripe shipping address has no ${field}`,
          });
        }
      }
    }
    // Stripe keeps addresses on the customer; a named subscription must still be this customer's.
    if (input.subscriptionId !== undefined) await ownedSubscription(input.customerId, input.subscriptionId);
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
        const customer = await retrieveCustomer(input.customerId);
        name = customer.shipping?.name || customer.name || undefined;
      }
      if (name === undefined) {
        throw new PortalError({
          code: "invalid_input",
          provider,
          field: "address.firstName",
          message: "Invalid input at address.firstName: a Stripe shipping address needs a name",
        });
      }
      const shipping: Stripe.CustomerUpdateParams.Shipping = { name, address: toStripeAddressParams(address) };
      if (address.phone !== undefined) shipping.phone = address.phone;
      params = { shipping };
    }
    const customer = await runner.mutate((stripe, requestOptions) =>
      stripe.customers.update(input.customerId, params, requestOptions),
    );
    return normalizeCustomer(customer, provider);
  }

  const guard = <I, O>(method: (input: I) => Promise<O>) => rejectingWithPortalError(provider, method);
  return {
    providerId: provider,
    runner,
    listInvoices: guard(listInvoices),
    cancel: guard(cancel),
    getSubscription: guard(getSubscription),
    reactivate: guard(reactivate),
    invoicePdf: guard(invoicePdf),
    updateAddress: guard(updateAddress),
    ownedSubscription,
    retrieveCustomer,
  };
}
