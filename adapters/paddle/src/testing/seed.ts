import type {
  IAddressResponse,
  ICustomerResponse,
  IPaymentMethodResponse,
  ISubscriptionResponse,
  ITransactionResponse,
} from "@paddle/paddle-node-sdk";
import type { Address } from "@portalkit/core";
import {
  type World,
  type WorldCustomer,
  type WorldInvoice,
  type WorldSubscription,
  worldCard,
} from "@portalkit/core/testing";
import type { PaddleStore } from "./simulator";

/** The postal fields of an address: the portable name and Paddle's. */
export const WIRE_ADDRESS_FIELDS = [
  ["line1", "first_line"],
  ["line2", "second_line"],
  ["city", "city"],
  ["state", "region"],
  ["postalCode", "postal_code"],
  ["country", "country_code"],
] as const satisfies ReadonlyArray<readonly [keyof Address, keyof IAddressResponse]>;

/** An object made at `at` and not changed since. */
const stamped = (at: string) => ({ created_at: at, updated_at: at });

/** Every customer has an address: Paddle bills at one (the world's, or one in the US). */
export function addressFromWorld(customer: WorldCustomer, at: string): IAddressResponse {
  const postal = Object.fromEntries(
    WIRE_ADDRESS_FIELDS.map(([portable, wire]) => [wire, customer.billingAddress?.[portable] ?? null]),
  );
  return {
    ...postal,
    id: `add_${customer.id}`,
    customer_id: customer.id,
    country_code: (customer.billingAddress?.country ?? "US") as IAddressResponse["country_code"],
    status: "active",
    ...stamped(at),
  };
}

/** The world's card as a payment method the customer saved (Paddle names Amex `american_express`). */
export function paymentMethodFromWorld(customer: WorldCustomer, at: string): IPaymentMethodResponse | undefined {
  const card = worldCard(customer);
  if (!card) return undefined;
  const type = (card.brand === "amex" ? "american_express" : card.brand) as "visa";
  return {
    id: `paymtd_${customer.id}`,
    customer_id: customer.id,
    address_id: `add_${customer.id}`,
    type: "card",
    card: { type, last4: card.last4, expiry_month: card.expMonth, expiry_year: card.expYear, cardholder_name: "" },
    paypal: null,
    south_korea_local_card: null,
    underlying_details: null,
    origin: "subscription",
    saved_at: at,
    updated_at: at,
  };
}

export function customerFromWorld(customer: WorldCustomer, at: string): ICustomerResponse {
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ");
  return {
    id: customer.id,
    name: name === "" ? null : name,
    email: customer.email,
    marketing_consent: false,
    status: "active",
    locale: "en",
    ...stamped(at),
  };
}

export function subscriptionFromWorld(subscription: WorldSubscription): ISubscriptionResponse {
  const ended = subscription.status === "canceled";
  const currency = subscription.currency.toUpperCase() as ISubscriptionResponse["currency_code"];
  const period = { starts_at: subscription.currentPeriodStart, ends_at: subscription.currentPeriodEnd };
  return {
    id: subscription.id,
    status: ended ? "canceled" : subscription.status === "trialing" ? "trialing" : "active",
    customer_id: subscription.customerId,
    address_id: `add_${subscription.customerId}`,
    currency_code: currency,
    ...stamped(subscription.createdAt),
    started_at: subscription.createdAt,
    first_billed_at: subscription.createdAt,
    next_billed_at: ended ? null : subscription.currentPeriodEnd,
    canceled_at: ended ? (subscription.canceledAt ?? subscription.currentPeriodEnd) : null,
    collection_mode: "automatic",
    current_billing_period: ended ? null : period,
    billing_cycle: { interval: "month", frequency: 1 },
    scheduled_change:
      subscription.status === "cancel_scheduled"
        ? { action: "cancel", effective_at: subscription.cancelAt ?? subscription.currentPeriodEnd, resume_at: null }
        : null,
    management_urls: null,
    items: [
      {
        status: "active",
        quantity: subscription.quantity,
        recurring: true,
        ...stamped(subscription.createdAt),
        previously_billed_at: subscription.currentPeriodStart,
        next_billed_at: ended ? null : subscription.currentPeriodEnd,
        price: {
          id: subscription.priceId,
          product_id: `pro_${subscription.priceId}`,
          description: subscription.priceId,
          type: "standard",
          billing_cycle: { interval: "month", frequency: 1 },
          tax_mode: "account_setting",
          unit_price: { amount: String(subscription.unitAmount), currency_code: currency },
          unit_price_overrides: [],
          quantity: { minimum: 1, maximum: 100 },
          status: "active",
          ...stamped(subscription.createdAt),
        },
        product: {
          id: `pro_${subscription.priceId}`,
          name: subscription.priceId,
          tax_category: "standard",
          status: "active",
          ...stamped(subscription.createdAt),
        },
      },
    ],
  };
}

/**
 * Paddle's statuses for the world's: an `uncollectible` invoice is one whose payment failed
 * (`past_due`, which reads back as `open`); Paddle has no `pending`, which is not seeded.
 */
const STATUSES: Partial<Record<WorldInvoice["status"], ITransactionResponse["status"]>> = {
  draft: "draft",
  open: "billed",
  paid: "completed",
  void: "canceled",
  uncollectible: "past_due",
};

export function transactionFromWorld(invoice: WorldInvoice): ITransactionResponse | undefined {
  const status = STATUSES[invoice.status];
  if (status === undefined) return undefined;
  const currency = invoice.currency.toUpperCase() as ITransactionResponse["currency_code"];
  const billed = status !== "draft";
  const total = String(invoice.total);
  return {
    id: invoice.id,
    status,
    customer_id: invoice.customerId,
    address_id: `add_${invoice.customerId}`,
    currency_code: currency,
    origin: invoice.subscriptionId ? "subscription_recurring" : "api",
    subscription_id: invoice.subscriptionId ?? null,
    invoice_id: billed ? `inv_${invoice.id}` : null,
    invoice_number: billed ? invoice.number : null,
    collection_mode: "automatic",
    items: [],
    details: {
      tax_rates_used: [],
      totals: {
        subtotal: total,
        discount: "0",
        tax: "0",
        total,
        credit: "0",
        credit_to_balance: "0",
        balance: String(invoice.amountDue),
        grand_total: total,
        grand_total_tax: "0",
        fee: null,
        earnings: null,
        currency_code: currency,
      },
      line_items: [],
    },
    payments:
      invoice.amountPaid > 0
        ? [
            {
              payment_attempt_id: `pay_${invoice.id}`,
              stored_payment_method_id: `spm_${invoice.id}`,
              payment_method_id: null,
              amount: String(invoice.amountPaid),
              status: "captured",
              created_at: invoice.paidAt ?? invoice.issuedAt,
              captured_at: invoice.paidAt ?? invoice.issuedAt,
            },
          ]
        : [],
    ...stamped(invoice.issuedAt),
    billed_at: billed ? invoice.issuedAt : null,
    // Paddle states a due date as payment terms counted from billing (whole days here).
    billing_details: paymentTerms(invoice),
  };
}

function paymentTerms(invoice: WorldInvoice): ITransactionResponse["billing_details"] {
  if (invoice.dueAt === undefined) return null;
  const days = (Date.parse(invoice.dueAt) - Date.parse(invoice.issuedAt)) / 86_400_000;
  if (!Number.isInteger(days) || days < 0) return null;
  return { payment_terms: { interval: "day", frequency: days } };
}

/** Loads a World into the store in Paddle's wire format; an invoice Paddle has no status for is left out. */
export function seedWorld(store: PaddleStore, world: World): void {
  for (const customer of world.customers) {
    store.customers.set(customer.id, customerFromWorld(customer, store.at()));
    store.addresses.put(addressFromWorld(customer, store.at()));
    const method = paymentMethodFromWorld(customer, store.at());
    if (method) store.paymentMethods.put(method);
  }
  for (const subscription of world.subscriptions) store.subscriptions.put(subscriptionFromWorld(subscription));
  for (const invoice of world.invoices) {
    const transaction = transactionFromWorld(invoice);
    if (transaction) store.transactions.put(transaction);
  }
}
