import type { Paddle, Subscription, SubscriptionStatus, TransactionStatus } from "@paddle/paddle-node-sdk";
import {
  type CancelMode,
  decodeCursor,
  encodeCursor,
  type Invoice,
  MAX_PAGE_SIZE,
  type SubscriptionStatus as PortableStatus,
  type Subscription as PortableSubscription,
  PortalError,
  storedAddressFields,
} from "@portalkit/core";
import type { AdapterOperations } from "@portalkit/core/adapter";
import { joinName, portableAddressField, toPaddleAddress } from "./address";
import type { PaddleContext } from "./lookups";
import { normalizeCustomer } from "./normalize-customer";
import { normalizeInvoice, PADDLE_TRANSACTION_STATUSES } from "./normalize-invoice";
import { isCancelScheduled, normalizeSubscription } from "./normalize-subscription";

/** Paddle lists at most 30 transactions a page (a larger `per_page` silently gives 30). */
export const TRANSACTIONS_PAGE_MAX = 30;

function cancelApplied(subscription: Subscription, when: CancelMode): boolean {
  return subscription.status === "canceled" || (when === "period_end" && isCancelScheduled(subscription));
}

/** The Paddle statuses a portable status is found under (a scheduled cancel is a live one's scheduled change). */
const SUBSCRIPTION_STATUSES: Readonly<Record<PortableStatus, readonly SubscriptionStatus[]>> = {
  active: ["active"],
  trialing: ["trialing"],
  past_due: ["past_due"],
  paused: ["paused"],
  canceled: ["canceled"],
  cancel_scheduled: ["active", "trialing", "past_due", "paused"],
  incomplete: [],
};

/** The customer's first active address: where Paddle bills them. */
async function billingAddress(ctx: PaddleContext, customerId: string) {
  const page = await ctx.read(async (paddle: Paddle) => {
    const collection = paddle.addresses.list(customerId, { status: ["active"], perPage: 1 });
    return collection.next();
  });
  return page[0];
}

/** Paddle transactions, subscriptions and addresses behind the portal contract. */
export const PADDLE_BILLING_OPERATIONS = {
  async listInvoices(input, ctx) {
    const { provider } = ctx;
    const perPage = Math.min(input.limit ?? TRANSACTIONS_PAGE_MAX, TRANSACTIONS_PAGE_MAX);
    const after = input.cursor === undefined ? undefined : decodeCursor(provider, input.customerId, input.cursor);
    let status: TransactionStatus[] | undefined;
    if (input.status !== undefined) {
      status = input.status.flatMap((wanted) => PADDLE_TRANSACTION_STATUSES[wanted] ?? []) as TransactionStatus[];
      if (status.length === 0) return { data: [] };
    }
    const page = await ctx.read(async (paddle) => {
      const collection = paddle.transactions.list({
        customerId: [input.customerId],
        perPage,
        ...(after !== undefined ? { after } : {}),
        ...(status !== undefined ? { status } : {}),
        ...(input.subscriptionId !== undefined ? { subscriptionId: [input.subscriptionId] } : {}),
      });
      const items = await collection.next();
      // `meta.pagination.next` is there on the last page too: `has_more` says whether to follow.
      return { items, hasMore: collection.hasMore };
    });
    const data: Invoice[] = [];
    for (const transaction of page.items) {
      if (transaction.customerId !== input.customerId) continue;
      data.push(normalizeInvoice(transaction, provider));
    }
    const last = page.items.at(-1);
    return page.hasMore && last ? { data, nextCursor: encodeCursor(provider, input.customerId, last.id) } : { data };
  },

  async listSubscriptions(input, ctx) {
    const { provider } = ctx;
    const { customerId } = input;
    const after = input.cursor === undefined ? undefined : decodeCursor(provider, customerId, input.cursor);
    const wanted = input.status ? new Set<string>(input.status) : undefined;
    const status = input.status && [...new Set(input.status.flatMap((portable) => SUBSCRIPTION_STATUSES[portable]))];
    if (status?.length === 0) return { data: [] };
    const page = await ctx.read(async (paddle) => {
      const collection = paddle.subscriptions.list({
        customerId: [customerId],
        perPage: input.limit ?? MAX_PAGE_SIZE,
        ...(after !== undefined ? { after } : {}),
        ...(status !== undefined ? { status } : {}),
      });
      return { items: await collection.next(), hasMore: collection.hasMore };
    });
    const data: PortableSubscription[] = [];
    for (const subscription of page.items) {
      if (subscription.customerId !== customerId) continue;
      const normalized = normalizeSubscription(subscription, provider);
      if (!wanted || wanted.has(normalized.status)) data.push(normalized);
    }
    const last = page.items.at(-1);
    return page.hasMore && last ? { data, nextCursor: encodeCursor(provider, customerId, last.id) } : { data };
  },

  async getCustomer(input, ctx) {
    const { customerId } = input;
    const [customer, address, method] = await Promise.all([
      ctx.read((paddle) => paddle.customers.get(customerId)),
      billingAddress(ctx, customerId),
      // Paddle keeps payment methods per customer, newest first; there is no default one.
      ctx.read(async (paddle) => (await paddle.paymentMethods.list(customerId, { perPage: 1 }).next())[0]),
    ]);
    // Paddle cannot delete a customer, only archive one: an archived customer is gone to the portal.
    if (customer.status === "archived") throw ctx.notFound("customer", customerId);
    return normalizeCustomer(customer, address, ctx.provider, method);
  },

  async getSubscription(input, ctx) {
    return normalizeSubscription(await ctx.owned.subscription(input.customerId, input.subscriptionId), ctx.provider);
  },

  async cancel(input, ctx) {
    const { subscriptionId, when } = input;
    const current = await ctx.owned.subscription(input.customerId, subscriptionId);
    if (cancelApplied(current, when)) return normalizeSubscription(current, ctx.provider);
    const updated = await ctx.mutate(async (paddle, { attempt }) => {
      // Paddle takes no idempotency key: a retry reads the state first, so an attempt whose
      // answer was lost after Paddle acted is not sent again.
      if (attempt > 1) {
        const now = await paddle.subscriptions.get(subscriptionId);
        if (cancelApplied(now, when)) return now;
      }
      return paddle.subscriptions.cancel(subscriptionId, {
        effectiveFrom: when === "now" ? "immediately" : "next_billing_period",
      });
    });
    return normalizeSubscription(updated, ctx.provider);
  },

  async reactivate(input, ctx) {
    const current = await ctx.owned.subscription(input.customerId, input.subscriptionId);
    if (current.status === "canceled") {
      throw ctx.error({
        code: "conflict",
        status: 409,
        message: `Subscription ${input.subscriptionId} has ended; Paddle cannot reactivate it (create a new one)`,
      });
    }
    if (!isCancelScheduled(current)) return normalizeSubscription(current, ctx.provider);
    // Removing the scheduled change is the same request however often it is sent.
    const updated = await ctx.mutate((paddle) =>
      paddle.subscriptions.update(input.subscriptionId, { scheduledChange: null }),
    );
    return normalizeSubscription(updated, ctx.provider);
  },

  async invoicePdf(input, ctx) {
    const transaction = await ctx.owned.invoice(input.customerId, input.invoiceId);
    if (
      transaction.status !== "completed" &&
      !(transaction.status === "billed" && transaction.collectionMode === "manual")
    ) {
      throw ctx.error({
        code: "conflict",
        status: 409,
        message: `Invoice ${input.invoiceId} is ${transaction.status}; Paddle makes a PDF for completed transactions (or billed ones on manual collection)`,
      });
    }
    const pdf = await ctx.read((paddle) => paddle.transactions.getInvoicePDF(input.invoiceId));
    return { url: pdf.url };
  },

  async updateAddress(input, ctx) {
    const { address, customerId } = input;
    if (input.kind !== "billing") {
      throw ctx.error({ code: "unsupported", field: "kind", message: "Paddle keeps no shipping addresses" });
    }
    const kept = storedAddressFields(ctx.capabilities, "billing");
    const notKept = Object.keys(address).find((field) => !(kept as readonly string[]).includes(field));
    if (notKept !== undefined) {
      throw ctx.error({
        code: "invalid_input",
        field: `address.${notKept}`,
        message: `Invalid input at address.${notKept}: a Paddle address has no ${notKept}`,
      });
    }
    const subscription =
      input.subscriptionId === undefined ? undefined : await ctx.owned.subscription(customerId, input.subscriptionId);
    const target = subscription?.addressId ?? (await billingAddress(ctx, customerId))?.id;
    const body = toPaddleAddress(address);
    // Paddle names its own fields (`country_code`); the error names the caller's (`address.country`).
    const renamed = (error: unknown) => {
      const field = PortalError.isInstance(error) ? portableAddressField(error.field) : undefined;
      if (!PortalError.isInstance(error) || field === undefined) return error;
      const { code, retryable, providerCode } = error;
      return ctx.error({
        code,
        retryable,
        field,
        message: error.message,
        cause: error,
        ...(providerCode ? { providerCode } : {}),
      });
    };
    let updated: Awaited<ReturnType<Paddle["addresses"]["update"]>>;
    if (target !== undefined) {
      updated = await ctx
        .mutate((paddle) => paddle.addresses.update(customerId, target, body))
        .catch((error) => {
          throw renamed(error);
        });
    } else if (body.countryCode !== undefined) {
      const { countryCode, ...rest } = body;
      // A customer without an address gets one; a retry after a lost answer reads first.
      updated = await ctx.mutate(async (paddle, { attempt }) => {
        if (attempt > 1) {
          const existing = (await paddle.addresses.list(customerId, { status: ["active"], perPage: 1 }).next())[0];
          if (existing) return paddle.addresses.update(customerId, existing.id, body);
        }
        return paddle.addresses.create(customerId, { ...rest, countryCode } as Parameters<
          Paddle["addresses"]["create"]
        >[1]);
      });
    } else {
      throw ctx.error({
        code: "invalid_input",
        field: "address.country",
        message: "Invalid input at address.country: Paddle needs a country for a customer's first address",
      });
    }
    const name = joinName(address);
    const customer = await (name !== undefined || address.email !== undefined
      ? ctx.mutate((paddle) =>
          paddle.customers.update(customerId, {
            ...(name !== undefined ? { name } : {}),
            ...(address.email !== undefined ? { email: address.email } : {}),
          }),
        )
      : ctx.read((paddle) => paddle.customers.get(customerId)));
    return normalizeCustomer(customer, updated, ctx.provider);
  },
} satisfies AdapterOperations<PaddleContext>;
