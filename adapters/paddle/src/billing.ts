import type {
  Paddle,
  Address as PaddleAddress,
  Subscription,
  SubscriptionStatus,
  Transaction,
} from "@paddle/paddle-node-sdk";
import {
  type CancelMode,
  decodeCursor,
  encodeCursor,
  type Invoice,
  MAX_PAGE_SIZE,
  type OperationInput,
  type Page,
  type SubscriptionStatus as PortableStatus,
  type Subscription as PortableSubscription,
  storedAddressFields,
} from "@portalkit/core";
import type { AdapterOperations, WalkPages } from "@portalkit/core/adapter";
import { joinName, toPaddleAddress } from "./address";
import { paddleBaseUrl } from "./client";
import { followsList, holdPage, type PageCollection, takePage } from "./held-pages";
import type { PaddleContext } from "./lookups";
import { normalizeCustomer } from "./normalize-customer";
import { normalizeInvoice, PADDLE_TRANSACTION_STATUSES } from "./normalize-invoice";
import { isCancelScheduled, normalizeSubscription } from "./normalize-subscription";
import { transactionQuery } from "./transaction-query";

/** Paddle lists at most 30 transactions a page (a larger `per_page` silently gives 30). */
export const TRANSACTIONS_PAGE_MAX = 30;

function cancelApplied(subscription: Subscription, when: CancelMode): boolean {
  return subscription.status === "canceled" || (when === "period_end" && isCancelScheduled(subscription));
}

/** Subscriptions that are still live (whose payment method the customer can still change). */
export const LIVE_STATUSES = ["active", "trialing", "past_due", "paused"] as const;

/** The Paddle statuses a portable status is found under (a scheduled cancel is a live one's scheduled change). */
const SUBSCRIPTION_STATUSES: Readonly<Record<PortableStatus, readonly SubscriptionStatus[]>> = {
  active: ["active"],
  trialing: ["trialing"],
  past_due: ["past_due"],
  paused: ["paused"],
  canceled: ["canceled"],
  cancel_scheduled: LIVE_STATUSES,
  incomplete: [],
};

/** The customer's first active address: where Paddle bills them. */
async function firstActiveAddress(paddle: Paddle, customerId: string) {
  return (await paddle.addresses.list(customerId, { status: ["active"], perPage: 1 }).next())[0];
}

/** What one list asks Paddle for, and how its items come out. */
interface Listing<T, N> {
  /** The list's path on the API, as `/transactions`. */
  readonly path: string;
  /** The query's filters and page size, as one string: a held collection serves only the same. */
  readonly key: string;
  /** The SDK collection for the page after `after` (the first page when undefined). */
  list(paddle: Paddle, after: string | undefined): PageCollection<T>;
  /** An item as the portable object, or undefined when the list's filters leave it out. */
  normalize(item: T): N | undefined;
}

/** A page Paddle sent, and the collection that read it. */
interface ReadPage<T> {
  readonly items: T[];
  readonly collection: PageCollection<T>;
}

/** The customer's items of a page, normalized (Paddle filters by customer, this holds it). */
function customerItems<T extends { customerId: string | null }, N>(
  items: readonly T[],
  customerId: string,
  normalize: (item: T) => N | undefined,
): N[] {
  const data: N[] = [];
  for (const item of items) {
    const normalized = item.customerId === customerId ? normalize(item) : undefined;
    if (normalized !== undefined) data.push(normalized);
  }
  return data;
}

/**
 * One page of a Paddle list as a portable page: only the customer's objects, and a cursor
 * for the next page when `has_more` says there is one (`meta.pagination.next` is there on
 * the last page too).
 *
 * The collection that read a page is held for the cursor it gave (see held-pages.ts): the
 * call for the next page then reads it through the SDK's own `next()`, as the SDK's iterator
 * does, instead of building the same query again. A retry, another query, another customer
 * or a cursor used twice builds the query from the cursor.
 */
async function customerPage<T extends { id: string; customerId: string | null }, N>(
  ctx: PaddleContext,
  input: { customerId: string; cursor?: string | undefined },
  listing: Listing<T, N> | undefined,
): Promise<Page<N>> {
  if (listing === undefined) return { data: [] };
  const { provider } = ctx;
  const { customerId, cursor } = input;
  const after = cursor === undefined ? undefined : decodeCursor(provider, customerId, cursor);
  const page = await ctx.read((paddle): Promise<ReadPage<T>> => {
    // Taken once: a retry of this read finds nothing held and builds the query.
    const held = cursor === undefined ? undefined : takePage<T>(paddle, cursor, customerId, listing.key);
    const collection = held ?? listing.list(paddle, after);
    return collection.next().then((items) => ({ items, collection }));
  });
  const data = customerItems(page.items, customerId, listing.normalize);
  const last = page.items.at(-1);
  if (!page.collection.hasMore || last === undefined) return { data };
  const nextCursor = encodeCursor(provider, customerId, last.id);
  holdPage(ctx.client, nextCursor, customerId, listing.key, listPrefix(ctx.options, listing.path), page.collection);
  return { data, nextCursor };
}

/**
 * Every page of a Paddle list, for `allInvoices` and `allSubscriptions`: the pages
 * `customerPage` answers cursor by cursor, with the last id Paddle sent as the position.
 * The walk keeps the collection that read a page and reads the next one through it, as the
 * SDK's own iterator does, while its next link `followsList`; a retry, or a link elsewhere,
 * builds the query from the position (a failed attempt may yet move the collection it used).
 */
function customerWalk<T extends { id: string; customerId: string | null }, N>(
  ctx: PaddleContext,
  customerId: string,
  listing: Listing<T, N> | undefined,
): WalkPages<N> {
  if (listing === undefined) return () => Promise.resolve({ data: [] });
  const prefix = listPrefix(ctx.options, listing.path);
  let following: PageCollection<T> | undefined;
  return (after) =>
    ctx
      .read((paddle, { attempt }): Promise<ReadPage<T>> => {
        const collection =
          attempt === 1 && after !== undefined && following !== undefined ? following : listing.list(paddle, after);
        following = undefined;
        return collection.next().then((items) => ({ items, collection }));
      })
      .then((page) => {
        const data = customerItems(page.items, customerId, listing.normalize);
        const last = page.items.at(-1);
        if (!page.collection.hasMore || last === undefined) return { data };
        if (followsList(page.collection, prefix)) following = page.collection;
        return { data, nextCursor: last.id };
      });
}

/** Per provider's options: each list's URL up to its query, as `https://api.paddle.com/transactions?`. */
const LIST_PREFIXES = new WeakMap<PaddleContext["options"], Map<string, string>>();

/** Where the next-page links of the list at `path` start, for the client these options make. */
function listPrefix(options: PaddleContext["options"], path: string): string {
  let prefixes = LIST_PREFIXES.get(options);
  if (prefixes === undefined) {
    prefixes = new Map();
    LIST_PREFIXES.set(options, prefixes);
  }
  let prefix = prefixes.get(path);
  if (prefix === undefined) {
    prefix = `${paddleBaseUrl(options)}${path}?`;
    prefixes.set(path, prefix);
  }
  return prefix;
}

/** A list's filters and page size as one string (JSON, so no two queries write the same). */
function listKey(perPage: number, status: readonly string[] | undefined, subscriptionId: string | undefined): string {
  return status === undefined && subscriptionId === undefined
    ? String(perPage)
    : JSON.stringify([perPage, status ?? null, subscriptionId ?? null]);
}

/** The transactions `listInvoices` reads: undefined when no Paddle status can match. */
function invoiceListing(
  input: OperationInput<"listInvoices">,
  ctx: PaddleContext,
): Listing<Transaction, Invoice> | undefined {
  const { customerId, subscriptionId } = input;
  const status = input.status?.flatMap((wanted) => PADDLE_TRANSACTION_STATUSES[wanted] ?? []);
  if (status?.length === 0) return undefined;
  const perPage = Math.min(input.limit ?? TRANSACTIONS_PAGE_MAX, TRANSACTIONS_PAGE_MAX);
  return {
    path: "/transactions",
    key: listKey(perPage, status, subscriptionId),
    list: (paddle, after) =>
      paddle.transactions.list(transactionQuery({ customerId, perPage, after, status, subscriptionId })),
    normalize: (transaction) => normalizeInvoice(transaction, ctx.provider),
  };
}

/** The subscriptions `listSubscriptions` reads: undefined when no Paddle status can match. */
function subscriptionListing(
  input: OperationInput<"listSubscriptions">,
  ctx: PaddleContext,
): Listing<Subscription, PortableSubscription> | undefined {
  const wanted = input.status ? new Set<string>(input.status) : undefined;
  const status = input.status && [...new Set(input.status.flatMap((portable) => SUBSCRIPTION_STATUSES[portable]))];
  if (status?.length === 0) return undefined;
  const perPage = input.limit ?? MAX_PAGE_SIZE;
  return {
    path: "/subscriptions",
    key: listKey(perPage, status, undefined),
    list: (paddle, after) =>
      paddle.subscriptions.list({
        customerId: [input.customerId],
        perPage,
        ...(after !== undefined ? { after } : {}),
        ...(status !== undefined ? { status } : {}),
      }),
    normalize: (subscription) => {
      const normalized = normalizeSubscription(subscription, ctx.provider);
      return !wanted || wanted.has(normalized.status) ? normalized : undefined;
    },
  };
}

/** Paddle transactions, subscriptions and addresses behind the portal contract. */
export const PADDLE_BILLING_OPERATIONS = {
  async listInvoices(input, ctx) {
    return customerPage(ctx, input, invoiceListing(input, ctx));
  },

  async listSubscriptions(input, ctx) {
    return customerPage(ctx, input, subscriptionListing(input, ctx));
  },

  walks: {
    listInvoices: (input, ctx) => customerWalk(ctx, input.customerId, invoiceListing(input, ctx)),
    listSubscriptions: (input, ctx) => customerWalk(ctx, input.customerId, subscriptionListing(input, ctx)),
  },

  async getCustomer(input, ctx) {
    const { customerId } = input;
    const [customer, address, method] = await Promise.all([
      ctx.read((paddle) => paddle.customers.get(customerId)),
      ctx.read((paddle) => firstActiveAddress(paddle, customerId)),
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
    const kept: readonly string[] = storedAddressFields(ctx.capabilities, "billing");
    const notKept = Object.keys(address).find((field) => !kept.includes(field));
    if (notKept !== undefined) {
      throw ctx.error({
        code: "invalid_input",
        field: `address.${notKept}`,
        message: `Invalid input at address.${notKept}: a Paddle address has no ${notKept}`,
      });
    }
    const subscription =
      input.subscriptionId === undefined ? undefined : await ctx.owned.subscription(customerId, input.subscriptionId);
    const target = subscription?.addressId ?? (await ctx.read((paddle) => firstActiveAddress(paddle, customerId)))?.id;
    const body = toPaddleAddress(address);
    let updated: PaddleAddress;
    if (target !== undefined) {
      updated = await ctx.mutate((paddle) => paddle.addresses.update(customerId, target, body));
    } else if (body.countryCode !== undefined) {
      const first = { ...body, countryCode: body.countryCode };
      // A customer without an address gets one; a retry after a lost answer reads first.
      updated = await ctx.mutate(async (paddle, { attempt }) => {
        const existing = attempt > 1 ? await firstActiveAddress(paddle, customerId) : undefined;
        return existing
          ? paddle.addresses.update(customerId, existing.id, body)
          : paddle.addresses.create(customerId, first);
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
