import type {
  IAddressResponse,
  ICustomerResponse,
  IPaymentMethodResponse,
  ISubscriptionResponse,
  ITransactionResponse,
} from "@paddle/paddle-node-sdk";
import { type WorldCustomer, type WorldInvoice, type WorldSubscription, worldCard } from "@portalkit/core/testing";

/** Every customer has an address: Paddle bills at one (the world's, or one in the US). */
export function addressFromWorld(customer: WorldCustomer, at: string): IAddressResponse {
  const address = customer.billingAddress;
  return {
    id: `add_${customer.id}`,
    customer_id: customer.id,
    first_line: address?.line1 ?? null,
    second_line: address?.line2 ?? null,
    city: address?.city ?? null,
    postal_code: address?.postalCode ?? null,
    region: address?.state ?? null,
    country_code: (address?.country ?? "US") as IAddressResponse["country_code"],
    status: "active",
    created_at: at,
    updated_at: at,
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
    created_at: at,
    updated_at: at,
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
    created_at: subscription.createdAt,
    updated_at: subscription.createdAt,
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
        created_at: subscription.createdAt,
        updated_at: subscription.createdAt,
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
          created_at: subscription.createdAt,
          updated_at: subscription.createdAt,
        },
        product: {
          id: `pro_${subscription.priceId}`,
          name: subscription.priceId,
          tax_category: "standard",
          status: "active",
          created_at: subscription.createdAt,
          updated_at: subscription.createdAt,
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
    created_at: invoice.issuedAt,
    updated_at: invoice.issuedAt,
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
