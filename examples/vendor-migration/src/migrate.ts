import type { ChargebeeSimulator, WireInvoice, WireSubscription } from "@portalkit/chargebee/testing";
import { type InvoiceStatus, PortalError, unixToIso } from "@portalkit/core";
import type {
  World,
  WorldCustomer,
  WorldInvoice,
  WorldSubscription,
  WorldSubscriptionStatus,
} from "@portalkit/core/testing";
import type { StripeSimulator } from "@portalkit/stripe/testing";

/** One migrated customer: its ids on both vendors (a row of data/customers.csv). */
export interface MigratedCustomer {
  from: string;
  to: string;
  subscriptions: Array<{ from: string; to: string }>;
}

export interface MigrateOptions {
  chargebee: ChargebeeSimulator;
  stripe: StripeSimulator;
  /** Chargebee customer ids to move. */
  customers: readonly string[];
  /**
   * A migration bug, on purpose: this invoice's amounts are copied without their last
   * digit. The diff must find it.
   */
  damage?: { invoice: string };
}

const INVOICE_STATUS: Record<WireInvoice["status"], InvoiceStatus | undefined> = {
  paid: "paid",
  posted: "open",
  payment_due: "open",
  not_paid: "uncollectible",
  voided: "void",
  // Unbilled charges: Stripe has no such invoice; they are billed there later.
  pending: undefined,
};

const SUBSCRIPTION_STATUS: Partial<Record<WireSubscription["status"], WorldSubscriptionStatus>> = {
  active: "active",
  in_trial: "trialing",
  non_renewing: "cancel_scheduled",
  cancelled: "canceled",
};

const fail = (message: string) => new PortalError({ code: "invalid_input", provider: "migration", message });

/**
 * Copies customers, their subscriptions and their invoices from a Chargebee site (its
 * records, as a data export gives them) into a Stripe account, in Stripe's format. Stripe
 * chooses new ids; each invoice keeps its number, which on Chargebee is its id.
 * Returns the customer map of the migration.
 */
export function migrateToStripe(options: MigrateOptions): MigratedCustomer[] {
  const { chargebee } = options;
  const target: World = { customers: [], subscriptions: [], invoices: [] };
  const mapped: MigratedCustomer[] = [];
  let invoiceCount = 0;
  for (const from of options.customers) {
    const customer = chargebee.customers.get(from);
    if (!customer) throw fail(`No Chargebee customer ${from}`);
    const to = `cus_migrated_${from.replace(/^cb_/, "")}`;
    const moved: WorldCustomer = { id: to, email: customer.email ?? `${from}@unknown.invalid` };
    if (customer.first_name) moved.firstName = customer.first_name;
    if (customer.last_name) moved.lastName = customer.last_name;
    moved.hasPaymentMethod = customer.card_status === "valid";
    target.customers.push(moved);

    const row: MigratedCustomer = { from, to, subscriptions: [] };
    const subscriptionIds = new Map<string, string>();
    for (const subscription of chargebee.subscriptions.values()) {
      if (subscription.customer_id !== from) continue;
      const id = `sub_migrated_${subscription.id.replace(/^cb_sub_/, "")}`;
      subscriptionIds.set(subscription.id, id);
      target.subscriptions.push(toWorldSubscription(subscription, id, to));
      row.subscriptions.push({ from: subscription.id, to: id });
    }
    for (const invoice of chargebee.invoices.values()) {
      if (invoice.customer_id !== from) continue;
      const status = INVOICE_STATUS[invoice.status];
      if (!status) continue;
      const copy: WorldInvoice = {
        id: `in_migrated_${String(++invoiceCount).padStart(5, "0")}`,
        customerId: to,
        number: invoice.id,
        status,
        total: invoice.total ?? 0,
        amountPaid: invoice.amount_paid ?? 0,
        amountDue: invoice.amount_due ?? 0,
        currency: invoice.currency_code,
        issuedAt: unixToIso(invoice.date ?? 0),
      };
      const subscriptionId = invoice.subscription_id && subscriptionIds.get(invoice.subscription_id);
      if (subscriptionId) copy.subscriptionId = subscriptionId;
      const dueAt = unixToIso(invoice.due_date);
      if (dueAt) copy.dueAt = dueAt;
      const paidAt = unixToIso(invoice.paid_at);
      if (paidAt) copy.paidAt = paidAt;
      if (options.damage?.invoice === invoice.id) {
        copy.total = Math.floor(copy.total / 10);
        copy.amountPaid = Math.floor(copy.amountPaid / 10);
        copy.amountDue = Math.floor(copy.amountDue / 10);
      }
      target.invoices.push(copy);
    }
    mapped.push(row);
  }
  if (options.damage && !target.invoices.some((invoice) => invoice.number === options.damage?.invoice)) {
    throw fail(`Invoice ${options.damage.invoice} is not among the migrated ones`);
  }
  options.stripe.seed(target);
  return mapped;
}

function toWorldSubscription(wire: WireSubscription, id: string, customerId: string): WorldSubscription {
  const status = SUBSCRIPTION_STATUS[wire.status];
  if (!status) throw fail(`Subscription ${wire.id} is ${wire.status}, which this migration does not move`);
  const item = wire.subscription_items?.[0];
  if (!item) throw fail(`Subscription ${wire.id} has no item`);
  const start = wire.trial_start ?? wire.current_term_start ?? wire.created_at ?? 0;
  const end = wire.trial_end ?? wire.current_term_end ?? start;
  const moved: WorldSubscription = {
    id,
    customerId,
    status,
    priceId: item.item_price_id,
    quantity: item.quantity ?? 1,
    unitAmount: item.unit_price ?? 0,
    currency: wire.currency_code,
    createdAt: unixToIso(wire.created_at ?? start),
    currentPeriodStart: unixToIso(start),
    currentPeriodEnd: unixToIso(end),
  };
  if (status === "cancel_scheduled" && wire.cancelled_at) moved.cancelAt = unixToIso(wire.cancelled_at);
  if (status === "canceled" && wire.cancelled_at) moved.canceledAt = unixToIso(wire.cancelled_at);
  return moved;
}
