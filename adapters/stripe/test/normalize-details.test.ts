import { CustomerSchema, InvoiceSchema, SubscriptionSchema } from "@portalkit/core";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { currentPeriodEnd, normalizeCustomer, normalizeInvoice, normalizeSubscription } from "../src";
import { paymentMethodSummary } from "../src/normalize-customer";
import { customerFixture, invoiceFixture, subscriptionFixture } from "../src/testing";
import { paymentMethodFixture } from "../src/testing/fixtures";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
const T1 = 1_764_547_200;
const T2 = 1_767_225_600;

describe("paymentMethodSummary: what a customer may see of a payment method", () => {
  const card = (extra: Partial<Stripe.PaymentMethod.Card>): Stripe.PaymentMethod => ({
    ...paymentMethodFixture,
    card: { ...(paymentMethodFixture.card as Stripe.PaymentMethod.Card), ...extra },
  });

  it("a card: network, last four and expiry, never the id", () => {
    const summary = paymentMethodSummary(card({ brand: "visa", last4: "4242", exp_month: 8, exp_year: 2030 }));
    expect(summary).toEqual({ type: "card", brand: "visa", last4: "4242", expMonth: 8, expYear: 2030 });
  });

  it("keeps the edges of a valid expiry", () => {
    expect(paymentMethodSummary(card({ exp_month: 1, exp_year: 1900 }))).toMatchObject({ expMonth: 1, expYear: 1900 });
    expect(paymentMethodSummary(card({ exp_month: 12, exp_year: 9999 }))).toMatchObject({
      expMonth: 12,
      expYear: 9999,
    });
  });

  it.each([
    ["an unknown network", { brand: "unknown" }, "brand"],
    ["no network", { brand: "" }, "brand"],
    ["last four that are not four digits", { last4: "42a2" }, "last4"],
    ["more than four digits", { last4: "42424" }, "last4"],
    ["fewer than four digits", { last4: "424" }, "last4"],
    ["month 0", { exp_month: 0 }, "expMonth"],
    ["month 13", { exp_month: 13 }, "expMonth"],
    ["a month that is not whole", { exp_month: 1.5 }, "expMonth"],
    ["year 1899", { exp_year: 1899 }, "expYear"],
    ["year 10000", { exp_year: 10_000 }, "expYear"],
    ["a year that is not whole", { exp_year: 2030.5 }, "expYear"],
  ] as const)("leaves out %s", (_, extra, field) => {
    const summary = paymentMethodSummary(card(extra));
    expect(summary).not.toHaveProperty(field);
    expect(summary.type).toBe("card");
  });

  it("bank accounts and SEPA debits show their last four; other methods only their kind", () => {
    const bank = {
      ...paymentMethodFixture,
      type: "us_bank_account",
      card: undefined,
      us_bank_account: { last4: "6789" },
    } as unknown as Stripe.PaymentMethod;
    expect(paymentMethodSummary(bank)).toEqual({ type: "bank_account", last4: "6789" });
    const badBank = { ...bank, us_bank_account: { last4: "67" } } as unknown as Stripe.PaymentMethod;
    expect(paymentMethodSummary(badBank)).toEqual({ type: "bank_account" });
    const sepa = {
      ...paymentMethodFixture,
      type: "sepa_debit",
      card: undefined,
      sepa_debit: { last4: "3000" },
    } as unknown as Stripe.PaymentMethod;
    expect(paymentMethodSummary(sepa)).toEqual({ type: "bank_account", last4: "3000" });
    const badSepa = { ...sepa, sepa_debit: { last4: "30000" } } as unknown as Stripe.PaymentMethod;
    expect(paymentMethodSummary(badSepa)).toEqual({ type: "bank_account" });
    // A card's digits are read only from a card.
    const mixed = { ...sepa, type: "paypal", card: paymentMethodFixture.card } as unknown as Stripe.PaymentMethod;
    expect(paymentMethodSummary(mixed)).toEqual({ type: "paypal" });
    const other = { ...paymentMethodFixture, type: "klarna" } as unknown as Stripe.PaymentMethod;
    expect(paymentMethodSummary(other)).toEqual({ type: "other" });
  });
});

describe("normalizeCustomer", () => {
  it("names, email, company, both addresses and the expanded payment method", () => {
    const customer = CustomerSchema.parse(
      normalizeCustomer(
        {
          ...customerFixture,
          name: "Ann Lee",
          email: "ann@example.com",
          phone: "+4712345678",
          business_name: "Lee Ltd",
          address: { line1: "1 Main St", line2: null, city: "Oslo", state: null, postal_code: "0150", country: "NO" },
          shipping: {
            name: "Ben Lee",
            phone: "+4787654321",
            address: { line1: "2 Dock Rd", line2: null, city: "Leeds", state: null, postal_code: null, country: "GB" },
          },
          invoice_settings: { ...customerFixture.invoice_settings, default_payment_method: paymentMethodFixture },
        },
        "stripe",
      ),
    );
    expect(customer).toMatchObject({
      id: customerFixture.id,
      name: "Ann Lee",
      email: "ann@example.com",
      company: "Lee Ltd",
      billingAddress: {
        firstName: "Ann",
        lastName: "Lee",
        company: "Lee Ltd",
        email: "ann@example.com",
        phone: "+4712345678",
        line1: "1 Main St",
        city: "Oslo",
        postalCode: "0150",
        country: "NO",
      },
      shippingAddress: {
        firstName: "Ben",
        lastName: "Lee",
        phone: "+4787654321",
        line1: "2 Dock Rd",
        city: "Leeds",
        country: "GB",
      },
      paymentMethod: { type: "card", brand: "visa", last4: "4242" },
    });
    expect(customer.shippingAddress).not.toHaveProperty("email");
    expect(customer.shippingAddress).not.toHaveProperty("company");
  });

  it("a customer without a postal address still has the name of its billing address", () => {
    const customer = normalizeCustomer({ ...customerFixture, address: null, name: "Ann Lee" }, "stripe");
    expect(customer.billingAddress).toEqual({ firstName: "Ann", lastName: "Lee" });
  });

  it("a payment method known only by its id is left out; no shipping gives no shipping address", () => {
    const customer = normalizeCustomer(
      {
        ...customerFixture,
        shipping: null,
        invoice_settings: { ...customerFixture.invoice_settings, default_payment_method: "pm_123" },
      },
      "stripe",
    );
    expect(customer).not.toHaveProperty("paymentMethod");
    expect(customer).not.toHaveProperty("shippingAddress");
    expect(customer).not.toHaveProperty("name");
    expect(customer).not.toHaveProperty("company");
  });
});

describe("normalizeInvoice", () => {
  const invoice = (extra: Partial<Stripe.Invoice>): Stripe.Invoice => ({ ...invoiceFixture, ...extra });

  it("number, due and paid dates and both URLs, when Stripe has them", () => {
    const out = InvoiceSchema.parse(
      normalizeInvoice(
        invoice({
          status: "paid",
          number: "ANN-7",
          due_date: T1,
          effective_at: T1,
          created: T2,
          status_transitions: { ...invoiceFixture.status_transitions, paid_at: T2 },
          hosted_invoice_url: "https://invoice.stripe.com/i/acct_1/test",
          invoice_pdf: "https://pay.stripe.com/invoice/acct_1/test/pdf",
        }),
        "stripe",
      ),
    );
    expect(out).toMatchObject({
      status: "paid",
      number: "ANN-7",
      dueAt: iso(T1),
      paidAt: iso(T2),
      issuedAt: iso(T1),
      hostedUrl: "https://invoice.stripe.com/i/acct_1/test",
      pdfUrl: "https://pay.stripe.com/invoice/acct_1/test/pdf",
    });
  });

  it("issued when created if it never took effect; a URL that is not http(s) is left out", () => {
    const out = normalizeInvoice(
      invoice({
        effective_at: null,
        created: T2,
        status_transitions: { ...invoiceFixture.status_transitions, paid_at: null },
        due_date: null,
        hosted_invoice_url: "javascript:alert(1)",
        invoice_pdf: "ftp://example.com/invoice.pdf",
      }),
      "stripe",
    );
    expect(out.issuedAt).toBe(iso(T2));
    for (const field of ["dueAt", "paidAt", "hostedUrl", "pdfUrl"]) expect(out).not.toHaveProperty(field);
  });

  it("an invoice still being created (null status) or of an unknown status reads as a draft", () => {
    expect(normalizeInvoice(invoice({ status: null }), "stripe").status).toBe("draft");
    expect(normalizeInvoice(invoice({ status: "deleted" as Stripe.Invoice.Status }), "stripe").status).toBe("draft");
    expect(normalizeInvoice(invoice({ status: "void" }), "stripe").status).toBe("void");
  });
});

describe("normalizeSubscription", () => {
  const item = subscriptionFixture.items.data[0] as Stripe.SubscriptionItem;
  const subscription = (extra: Partial<Stripe.Subscription>): Stripe.Subscription => ({
    ...subscriptionFixture,
    status: "active",
    cancel_at_period_end: false,
    cancel_at: null,
    ...extra,
  });
  const items = (...list: Partial<Stripe.SubscriptionItem>[]) => ({
    ...subscriptionFixture.items,
    data: list.map((extra) => ({ ...item, ...extra }) as Stripe.SubscriptionItem),
  });

  it("the period ends with the latest of its items; an item without an end is skipped", () => {
    const two = subscription({
      items: items(
        { id: "si_1", current_period_end: T1 },
        { id: "si_2", current_period_end: T2 },
        { id: "si_3", current_period_end: Number.NaN },
      ),
    });
    expect(currentPeriodEnd(two)).toBe(T2);
    expect(normalizeSubscription(two, "stripe").currentPeriodEnd).toBe(iso(T2));
    const reversed = subscription({
      items: items({ id: "si_2", current_period_end: T2 }, { id: "si_1", current_period_end: T1 }),
    });
    expect(currentPeriodEnd(reversed)).toBe(T2);
    const none = subscription({ items: items() });
    expect(currentPeriodEnd(none)).toBeUndefined();
    expect(normalizeSubscription(none, "stripe")).not.toHaveProperty("currentPeriodEnd");
  });

  it("scheduled at the period end, it ends then; on a date, it ends on that date", () => {
    const atEnd = subscription({ cancel_at_period_end: true, items: items({ current_period_end: T2 }) });
    expect(normalizeSubscription(atEnd, "stripe")).toMatchObject({ status: "cancel_scheduled", cancelAt: iso(T2) });
    const onDate = subscription({ cancel_at: T1, items: items({ current_period_end: T2 }) });
    expect(normalizeSubscription(onDate, "stripe")).toMatchObject({ status: "cancel_scheduled", cancelAt: iso(T1) });
    const noEnd = subscription({ cancel_at_period_end: true, items: items() });
    expect(normalizeSubscription(noEnd, "stripe")).not.toHaveProperty("cancelAt");
    const active = normalizeSubscription(subscription({ cancel_at: null }), "stripe");
    expect(active.status).toBe("active");
    expect(active).not.toHaveProperty("cancelAt");
    expect(active).not.toHaveProperty("canceledAt");
  });

  it("ended without an end time, it was canceled when the cancellation was asked for", () => {
    const ended = normalizeSubscription(
      subscription({ status: "canceled", ended_at: null, canceled_at: T1 }),
      "stripe",
    );
    expect(ended).toMatchObject({ status: "canceled", canceledAt: iso(T1) });
    const unknown = normalizeSubscription(
      subscription({ status: "canceled", ended_at: null, canceled_at: null }),
      "stripe",
    );
    expect(unknown).not.toHaveProperty("canceledAt");
  });

  it("items without a price or quantity, an expanded customer, and a status portalkit does not know", () => {
    const out = SubscriptionSchema.parse(
      normalizeSubscription(
        subscription({
          status: "future" as Stripe.Subscription.Status,
          customer: { ...customerFixture, id: "cus_x" },
          items: items({ id: "si_bare", quantity: undefined, price: undefined as unknown as Stripe.Price }),
        }),
        "stripe",
      ),
    );
    expect(out).toMatchObject({ status: "active", customerId: "cus_x", items: [{ id: "si_bare", quantity: 0 }] });
    expect(out.items[0]).not.toHaveProperty("priceId");
  });
});
