import type { Card, Customer, Event, PortalSession, Subscription } from "chargebee";
import { describe, expect, it } from "vitest";
import {
  browserPortalSession,
  chargebeeErrorToPortalError,
  fromChargebeeAddress,
  normalizeCustomer,
  normalizePortalSession,
  normalizeSubscription,
} from "../src/index";
import { normalizeChargebeeEvent } from "../src/webhook";

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

describe("a Chargebee customer as a portable one", () => {
  const customer = (patch: Partial<Customer> = {}): Customer => ({ id: "cus_1", ...patch }) as Customer;
  const card = (patch: Partial<Card> = {}): Card =>
    ({ card_type: "visa", last4: "4242", expiry_month: 12, expiry_year: 2030, ...patch }) as Card;

  it("joins the names, keeps email and company, and leaves out what is blank", () => {
    expect(
      normalizeCustomer(customer({ email: "a@example.com", first_name: "Ada", last_name: "Lovelace", company: "AE" })),
    ).toMatchObject({
      id: "cus_1",
      provider: "chargebee",
      email: "a@example.com",
      name: "Ada Lovelace",
      company: "AE",
    });
    expect(normalizeCustomer(customer({ last_name: "Lovelace" })).name).toBe("Lovelace");
    const bare = normalizeCustomer(customer({ email: "", first_name: "", company: "" }));
    for (const key of ["email", "name", "company", "paymentMethod", "billingAddress", "shippingAddress"]) {
      expect(bare, key).not.toHaveProperty(key);
    }
  });

  it("summarizes the card beside the customer: brand, last four digits and expiry, each only when sound", () => {
    expect(normalizeCustomer(customer(), undefined, card()).paymentMethod).toEqual({
      type: "card",
      brand: "visa",
      last4: "4242",
      expMonth: 12,
      expYear: 2030,
    });
    expect(
      normalizeCustomer(customer(), undefined, card({ expiry_month: 1, expiry_year: 1900 })).paymentMethod,
    ).toEqual({ type: "card", brand: "visa", last4: "4242", expMonth: 1, expYear: 1900 });
    expect(normalizeCustomer(customer(), undefined, card({ expiry_year: 9999 })).paymentMethod?.expYear).toBe(9999);
    for (const odd of [
      { card_type: "not_applicable", last4: "42", expiry_month: 0, expiry_year: 1899 },
      { card_type: undefined, last4: "12345", expiry_month: 13, expiry_year: 10_000 },
      { last4: "42a4", expiry_month: 1.5, expiry_year: 2030.5 },
    ] as Array<Partial<Card>>) {
      const summary = normalizeCustomer(customer(), undefined, card(odd)).paymentMethod;
      expect(summary?.type, JSON.stringify(odd)).toBe("card");
      if (odd.card_type !== undefined || "card_type" in odd) expect(summary).not.toHaveProperty("brand");
      expect(summary).not.toHaveProperty("last4");
      expect(summary).not.toHaveProperty("expMonth");
      expect(summary).not.toHaveProperty("expYear");
    }
  });

  it("names the kind of a payment method on file that is not a card, and other for one it does not know", () => {
    const method = (type: string) =>
      normalizeCustomer(customer({ payment_method: { type } as Customer["payment_method"] })).paymentMethod;
    expect(method("paypal_express_checkout")).toEqual({ type: "paypal" });
    expect(method("direct_debit")).toEqual({ type: "bank_account" });
    expect(method("card")).toEqual({ type: "card" });
    expect(method("bitcoin_someday")).toEqual({ type: "other" });
  });

  it("shows the shipping address of the subscription it is given", () => {
    const subscription = { shipping_address: { city: "Paris", country: "fr" } } as Subscription;
    expect(normalizeCustomer(customer(), subscription).shippingAddress).toEqual({ city: "Paris", country: "FR" });
  });
});

describe("a Chargebee address as a portable one", () => {
  it("reads the state name, or the state code when there is no name, and upper-cases the country", () => {
    expect(fromChargebeeAddress({ state: "California", state_code: "CA", country: "us" })).toEqual({
      state: "California",
      country: "US",
    });
    expect(fromChargebeeAddress({ state_code: "CA", zip: "94105" })).toEqual({ state: "CA", postalCode: "94105" });
    expect(fromChargebeeAddress(undefined)).toBeUndefined();
  });
});

describe("a Chargebee subscription as a portable one", () => {
  const wire = (patch: Partial<Subscription>): Subscription =>
    ({ id: "sub_1", customer_id: "cus_1", status: "active", ...patch }) as Subscription;

  it("ends a non_renewing one at cancelled_at, or at the term end when Chargebee gives no date", () => {
    expect(
      normalizeSubscription(wire({ status: "non_renewing", cancelled_at: 2_000, current_term_end: 3_000 })),
    ).toMatchObject({ status: "cancel_scheduled", cancelAt: iso(2_000), currentPeriodEnd: iso(3_000) });
    expect(normalizeSubscription(wire({ status: "non_renewing", current_term_end: 3_000 })).cancelAt).toBe(iso(3_000));
    const active = normalizeSubscription(wire({ cancelled_at: 2_000, current_term_end: 3_000 }));
    expect(active).not.toHaveProperty("cancelAt");
    expect(active).not.toHaveProperty("canceledAt");
  });

  it("keeps a cancellation date only on an ended subscription", () => {
    expect(normalizeSubscription(wire({ status: "cancelled", cancelled_at: 2_000 })).canceledAt).toBe(iso(2_000));
    expect(normalizeSubscription(wire({ status: "cancelled" }))).not.toHaveProperty("canceledAt");
    expect(normalizeSubscription(wire({ status: "non_renewing", cancelled_at: 2_000 }))).not.toHaveProperty(
      "canceledAt",
    );
  });

  it("counts an active subscription with invoices due as past_due", () => {
    expect(normalizeSubscription(wire({ due_invoices_count: 1 })).status).toBe("past_due");
    expect(normalizeSubscription(wire({ due_invoices_count: 0 })).status).toBe("active");
    expect(normalizeSubscription(wire({})).status).toBe("active");
  });

  it("lists the items, or the plan of a Product Catalog 1.0 site, with whole non-negative quantities", () => {
    const items = normalizeSubscription(
      wire({
        subscription_items: [
          { item_price_id: "basic-USD", quantity: 2.7 },
          { item_price_id: "addon-USD", quantity: -1 },
          { item_price_id: "flat-USD" },
        ] as Subscription["subscription_items"],
        plan_id: "ignored",
      }),
    ).items;
    expect(items).toEqual([
      { id: "basic-USD", priceId: "basic-USD", quantity: 2 },
      { id: "addon-USD", priceId: "addon-USD", quantity: 0 },
      { id: "flat-USD", priceId: "flat-USD", quantity: 1 },
    ]);
    expect(normalizeSubscription(wire({ subscription_items: [], plan_id: "gold", plan_quantity: 3.9 })).items).toEqual([
      { id: "gold", priceId: "gold", quantity: 3 },
    ]);
    expect(normalizeSubscription(wire({ plan_id: "gold" })).items).toEqual([
      { id: "gold", priceId: "gold", quantity: 1 },
    ]);
    expect(normalizeSubscription(wire({ plan_id: "gold", plan_quantity: -2 })).items[0]?.quantity).toBe(0);
    expect(normalizeSubscription(wire({})).items).toEqual([]);
  });

  it("keeps the subscription's shipping address", () => {
    expect(normalizeSubscription(wire({ shipping_address: { city: "Oslo" } })).shippingAddress).toEqual({
      city: "Oslo",
    });
    expect(normalizeSubscription(wire({}))).not.toHaveProperty("shippingAddress");
  });
});

describe("a Chargebee portal session as a portable one", () => {
  const wire = (patch: Partial<PortalSession>): PortalSession =>
    ({
      id: "ps_1",
      token: "tok",
      access_url: "https://acme.chargebeeportal.com/portal/v2/access/tok",
      status: "created",
      customer_id: "cus_1",
      created_at: 1_000,
      expires_at: 4_600,
      redirect_url: "https://app.example.com/",
      ...patch,
    }) as PortalSession;

  it("keeps the access URL only when it is an http(s) URL, and the expiry only when there is one", () => {
    expect(normalizePortalSession(wire({}))).toMatchObject({
      url: "https://acme.chargebeeportal.com/portal/v2/access/tok",
      createdAt: iso(1_000),
      expiresAt: iso(4_600),
    });
    expect(normalizePortalSession(wire({ access_url: "http://localhost/portal" })).url).toBe("http://localhost/portal");
    for (const access_url of ["javascript:alert(1)", "xhttps://a.example", "ftp://a.example"]) {
      expect(normalizePortalSession(wire({ access_url })), access_url).not.toHaveProperty("url");
    }
    const open = normalizePortalSession(wire({ expires_at: undefined }));
    expect(open).not.toHaveProperty("expiresAt");
    expect(browserPortalSession(wire({ expires_at: undefined }))).not.toHaveProperty("expires_at");
  });

  it("hands the browser the fields Chargebee.js reads, without the redirect URL", () => {
    expect(browserPortalSession(wire({}))).toEqual({
      id: "ps_1",
      token: "tok",
      access_url: "https://acme.chargebeeportal.com/portal/v2/access/tok",
      status: "created",
      customer_id: "cus_1",
      created_at: 1_000,
      expires_at: 4_600,
      object: "portal_session",
    });
  });
});

describe("a Chargebee event as a portable one", () => {
  const event = (content: Record<string, unknown>, patch: Partial<Event> = {}): Event =>
    ({ id: "ev_1", occurred_at: 1_700_000_000, event_type: "invoice_generated", content, ...patch }) as Event;
  const invoice = {
    id: "inv_1",
    customer_id: "cus_inv",
    subscription_id: "sub_inv",
    status: "paid",
    currency_code: "usd",
    total: 100,
    date: 1_000,
  };

  it("takes the customer and the subscription from an invoice-only event", () => {
    expect(normalizeChargebeeEvent(event({ invoice }), "chargebee")).toMatchObject({
      id: "ev_1",
      type: "invoice.created",
      vendorType: "invoice_generated",
      occurredAt: iso(1_700_000_000),
      invoiceId: "inv_1",
      customerId: "cus_inv",
      subscriptionId: "sub_inv",
      invoice: { id: "inv_1", status: "paid" },
    });
    const loose = normalizeChargebeeEvent(event({ invoice: { ...invoice, subscription_id: undefined } }), "chargebee");
    expect(loose).not.toHaveProperty("subscriptionId");
  });

  it("prefers the subscription's customer and id over the invoice's and the customer's", () => {
    const subscription = { id: "sub_own", customer_id: "cus_sub", status: "active" };
    const out = normalizeChargebeeEvent(
      event({ subscription, invoice, customer: { id: "cus_cus" } }, { event_type: "payment_succeeded" }),
      "chargebee",
    );
    expect(out).toMatchObject({ type: "invoice.paid", customerId: "cus_sub", subscriptionId: "sub_own" });
    expect(normalizeChargebeeEvent(event({ invoice, customer: { id: "cus_cus" } }), "chargebee").customerId).toBe(
      "cus_inv",
    );
  });

  it("takes the customer of a customer event, and keeps an unknown type as unknown", () => {
    const out = normalizeChargebeeEvent(
      event({ customer: { id: "cus_cus" } }, { event_type: "customer_deleted_someday" as Event["event_type"] }),
      "chargebee",
    );
    expect(out).toMatchObject({ type: "unknown", vendorType: "customer_deleted_someday", customerId: "cus_cus" });
    expect(out).not.toHaveProperty("subscriptionId");
    expect(out).not.toHaveProperty("invoiceId");
  });
});

describe("Chargebee error fields the SDK may name differently", () => {
  it("reads error_code, http_code and error_param when the usual names are missing", () => {
    const error = chargebeeErrorToPortalError({
      message: "m",
      error_code: "resource_not_found",
      http_code: 404,
      error_param: "customer[id]",
    });
    expect(error).toMatchObject({
      code: "not_found",
      status: 404,
      providerCode: "resource_not_found",
      field: "customer.id",
    });
  });

  it("says what Chargebee answered when there is no message, by code or by status", () => {
    expect(chargebeeErrorToPortalError({ api_error_code: "duplicate_entry" }).message).toBe(
      "Chargebee answered duplicate_entry",
    );
    expect(chargebeeErrorToPortalError({ http_status_code: 502, message: "" }).message).toBe(
      "Chargebee answered HTTP 502",
    );
  });

  it("reads the code from the status alone, and never keeps a status that is not a finite number", () => {
    expect(chargebeeErrorToPortalError({ http_status_code: 404 })).toMatchObject({ code: "not_found", status: 404 });
    const odd = chargebeeErrorToPortalError({ type: "invalid_request", http_status_code: Number.POSITIVE_INFINITY });
    expect(odd.status).toBeUndefined();
    expect(odd.code).toBe("unavailable");
    expect(chargebeeErrorToPortalError({ type: "invalid_request", http_status_code: "404" }).status).toBeUndefined();
  });

  it("is not retryable for an unknown code whose status says so, and keeps no Retry-After it cannot read", () => {
    const error = chargebeeErrorToPortalError({
      api_error_code: "unheard_of",
      http_status_code: 400,
      headers: { "retry-after": 5 },
    });
    expect(error).toMatchObject({ code: "invalid_request", retryable: false, providerCode: "unheard_of" });
    expect(error.retryAfterMs).toBeUndefined();
    expect(chargebeeErrorToPortalError({ api_error_code: "x", headers: null }).retryAfterMs).toBeUndefined();
  });

  it("keeps a PortalError as it is, and makes a thrown string unavailable", () => {
    const original = chargebeeErrorToPortalError({ api_error_code: "resource_not_found", http_status_code: 404 });
    expect(chargebeeErrorToPortalError(original)).toBe(original);
    expect(chargebeeErrorToPortalError("boom")).toMatchObject({ code: "unavailable", provider: "chargebee" });
    expect(chargebeeErrorToPortalError({ api_error_code: "x" }, "chargebee-eu").provider).toBe("chargebee-eu");
  });

  it("is a plain unavailable for an SDK-made internal error, and an API answer keeps its status", () => {
    const sdkError = Object.assign(new Error("x"), { type: "internal_temporary_error", http_status_code: 500 });
    expect(chargebeeErrorToPortalError(sdkError)).toMatchObject({ code: "unavailable", retryable: true });
    // The same fields as a plain object are the API's own answer: its status stands.
    const answered = chargebeeErrorToPortalError({
      type: "internal_error",
      api_error_code: "internal_error",
      http_status_code: 500,
    });
    expect(answered).toMatchObject({ code: "unavailable", status: 500, providerCode: "internal_error" });
    // An Error with a type the SDK does not make for unreadable bodies is read as an answer.
    const typed = chargebeeErrorToPortalError(
      Object.assign(new Error("y"), {
        type: "invalid_request",
        api_error_code: "resource_not_found",
        http_status_code: 404,
      }),
    );
    expect(typed).toMatchObject({ code: "not_found", status: 404, retryable: false });
  });
});
