import { PortalError, RedirectLaunchSchema } from "@portalkit/core";
import { flattenForm } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { createStripeProvider, STRIPE_CAPABILITIES } from "../src";
import { openStripe, RETURN_URL } from "./support";

const sessionForms = (sim: ReturnType<typeof openStripe>["sim"]) =>
  sim.requests
    .filter((request) => request.path === "/v1/billing_portal/sessions")
    .map((request) => Object.fromEntries(flattenForm(request.form)));

describe("createStripeProvider: launches", () => {
  it("openPortal creates one portal session and answers a redirect to its URL", async () => {
    const { sim, provider } = openStripe({ portalConfiguration: "bpc_123", locale: "fr" });
    const launch = RedirectLaunchSchema.parse(await provider.openPortal({ customerId: "cus_ann" }));
    expect(launch).toEqual({ kind: "redirect", provider: "stripe", url: sim.sessions[0]?.url });
    expect(sessionForms(sim)).toEqual([
      { customer: "cus_ann", return_url: RETURN_URL, configuration: "bpc_123", locale: "fr" },
    ]);
  });

  it.each([
    ["payment_sources", undefined, { "flow_data[type]": "payment_method_update" }],
    ["account_details", undefined, { "flow_data[type]": "customer_update" }],
    ["address", undefined, { "flow_data[type]": "customer_update" }],
    [
      "cancel_subscription",
      "sub_ann",
      { "flow_data[type]": "subscription_cancel", "flow_data[subscription_cancel][subscription]": "sub_ann" },
    ],
    [
      "edit_subscription",
      "sub_ann",
      { "flow_data[type]": "subscription_update", "flow_data[subscription_update][subscription]": "sub_ann" },
    ],
  ] as const)("openSection(%s) opens Stripe's matching portal flow", async (section, subscriptionId, flow) => {
    const { sim, provider } = openStripe();
    const launch = await provider.openSection({
      customerId: "cus_ann",
      section,
      returnUrl: "https://app.example.com/done",
      ...(subscriptionId ? { subscriptionId } : {}),
    });
    expect(launch).toMatchObject({ kind: "redirect", section });
    expect(launch.fallback).toBeUndefined();
    expect(sessionForms(sim)).toEqual([
      {
        customer: "cus_ann",
        return_url: "https://app.example.com/done",
        "flow_data[after_completion][type]": "redirect",
        "flow_data[after_completion][redirect][return_url]": "https://app.example.com/done",
        ...flow,
      },
    ]);
  });

  it("a subscription flow without a subscription is invalid_input and sends nothing", async () => {
    const { sim, provider } = openStripe();
    await expect(provider.openSection({ customerId: "cus_ann", section: "cancel_subscription" })).rejects.toMatchObject(
      {
        code: "invalid_input",
        field: "subscriptionId",
      },
    );
    expect(sim.requests).toEqual([]);
  });

  it("a subscription flow for an ended subscription is a conflict, and no session is made", async () => {
    const { sim, provider } = openStripe();
    await expect(
      provider.openSection({ customerId: "cus_ann", section: "edit_subscription", subscriptionId: "sub_ann_old" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(sim.sessions).toEqual([]);
  });

  it("sections without a flow are unsupported, or the home page with fallback: portal", async () => {
    const { sim, provider } = openStripe();
    expect(STRIPE_CAPABILITIES.sections).not.toContain("billing_history");
    await expect(provider.openSection({ customerId: "cus_ann", section: "billing_history" })).rejects.toMatchObject({
      code: "unsupported",
    });
    expect(sim.requests).toEqual([]);
    const launch = await provider.openSection({
      customerId: "cus_ann",
      section: "billing_history",
      fallback: "portal",
    });
    expect(launch).toMatchObject({ kind: "redirect", section: "billing_history", fallback: true });
    expect(sessionForms(sim)).toEqual([{ customer: "cus_ann", return_url: RETURN_URL }]);
  });

  it("paymentMethodLaunch opens the payment method flow", async () => {
    const { sim, provider } = openStripe();
    await provider.paymentMethodLaunch({ customerId: "cus_ann" });
    expect(sessionForms(sim)[0]).toMatchObject({ "flow_data[type]": "payment_method_update" });
  });

  it("createSession sends one idempotency key on every attempt", async () => {
    const { sim, provider } = openStripe();
    sim.inject({ path: "/v1/billing_portal/sessions", fault: { type: "status", status: 503 }, times: 2 });
    const session = await provider.createSession({ customerId: "cus_ann" });
    expect(session.url).toBe(sim.sessions[0]?.url);
    const keys = sim.requests.map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBeTruthy();
  });
});

describe("createStripeProvider: billing data", () => {
  it("lists invoices with upper-case currency and the subscription from parent", async () => {
    const { provider } = openStripe();
    const page = await provider.listInvoices({ customerId: "cus_ann" });
    expect(page.nextCursor).toBeUndefined();
    expect(page.data.map((invoice) => [invoice.id, invoice.total.currency, invoice.subscriptionId])).toEqual([
      ["in_ann_draft", "USD", "sub_ann"],
      ["in_ann_paid", "USD", "sub_ann"],
      ["in_ann_open", "EUR", undefined],
    ]);
  });

  it("several statuses are filtered here and pages are still full, with an opaque cursor", async () => {
    const { sim, provider } = openStripe();
    const first = await provider.listInvoices({ customerId: "cus_ann", status: ["open", "draft"], limit: 1 });
    expect(first.data.map((invoice) => invoice.id)).toEqual(["in_ann_draft"]);
    expect(first.nextCursor).toBeDefined();
    expect(first.nextCursor).not.toContain("in_ann");
    const second = await provider.listInvoices({
      customerId: "cus_ann",
      status: ["open", "draft"],
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.data.map((invoice) => invoice.id)).toEqual(["in_ann_open"]);
    expect(second.nextCursor).toBeUndefined();
    expect(sim.requests.every((request) => request.query.status === undefined)).toBe(true);
  });

  it("one status is filtered by Stripe; pending alone asks nothing", async () => {
    const { sim, provider } = openStripe();
    const page = await provider.listInvoices({ customerId: "cus_ann", status: ["paid"] });
    expect(page.data.map((invoice) => invoice.id)).toEqual(["in_ann_paid"]);
    expect(sim.requests.at(-1)?.query).toMatchObject({ customer: "cus_ann", status: "paid", limit: "100" });
    sim.clearRequests();
    expect(await provider.listInvoices({ customerId: "cus_ann", status: ["pending"] })).toEqual({ data: [] });
    expect(sim.requests).toEqual([]);
  });

  it("cancel at period end sets cancel_at_period_end, with the reason as the cancellation comment", async () => {
    const { sim, provider } = openStripe();
    const answer = await provider.cancel({
      customerId: "cus_ann",
      subscriptionId: "sub_ann",
      when: "period_end",
      reason: "too expensive",
    });
    expect(answer).toMatchObject({ status: "cancel_scheduled", cancelAt: "2026-12-01T00:00:00.000Z" });
    const mutation = sim.requests.find((request) => request.method === "POST");
    expect(flattenForm(mutation?.form ?? {})).toEqual([
      ["cancel_at_period_end", "true"],
      ["cancellation_details[comment]", "too expensive"],
    ]);
  });

  it("cancel now is a DELETE; reactivating what ended is a conflict that changes nothing", async () => {
    const { sim, provider } = openStripe();
    const ended = await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "now" });
    expect(ended.status).toBe("canceled");
    expect(sim.requests.map((request) => request.method)).toEqual(["GET", "DELETE"]);
    sim.clearRequests();
    await expect(provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann" })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(sim.requests.map((request) => request.method)).toEqual(["GET"]);
  });

  it("invoicePdf answers the invoice_pdf URL, and a conflict for a draft", async () => {
    const { sim, provider } = openStripe();
    expect(await provider.invoicePdf({ customerId: "cus_ann", invoiceId: "in_ann_paid" })).toEqual({
      url: sim.invoice("in_ann_paid")?.invoice_pdf,
    });
    await expect(provider.invoicePdf({ customerId: "cus_ann", invoiceId: "in_ann_draft" })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("updateAddress replaces the billing address and sets the name, phone and company", async () => {
    const { sim, provider } = openStripe();
    const customer = await provider.updateAddress({
      customerId: "cus_ann",
      kind: "billing",
      address: { firstName: "Ann", lastName: "Lee", company: "Lee Ltd", line1: "9 Elm Rd", country: "GB" },
    });
    expect(customer.billingAddress).toEqual({
      firstName: "Ann",
      lastName: "Lee",
      company: "Lee Ltd",
      email: "ann@example.com",
      line1: "9 Elm Rd",
      country: "GB",
    });
    expect(sim.customer("cus_ann")).toMatchObject({
      name: "Ann Lee",
      business_name: "Lee Ltd",
      address: { line1: "9 Elm Rd", line2: null, city: null, country: "GB" },
    });
  });

  it("a shipping address keeps the customer's name when it names nobody, and refuses an email", async () => {
    const { sim, provider } = openStripe();
    const customer = await provider.updateAddress({
      customerId: "cus_ann",
      kind: "shipping",
      address: { line1: "1 Dock Rd", city: "Leeds", country: "GB" },
    });
    expect(customer.shippingAddress).toEqual({
      firstName: "Ann",
      lastName: "Lee",
      line1: "1 Dock Rd",
      city: "Leeds",
      country: "GB",
    });
    expect(sim.customer("cus_ann")?.shipping?.name).toBe("Ann Lee");
    sim.clearRequests();
    await expect(
      provider.updateAddress({ customerId: "cus_ann", kind: "shipping", address: { email: "x@example.com" } }),
    ).rejects.toMatchObject({ code: "invalid_input", field: "address.email" });
    expect(sim.requests).toEqual([]);
  });

  it("an unknown country is refused by Stripe and reported on the portable field", async () => {
    const { sim, provider } = openStripe();
    await expect(
      provider.updateAddress({ customerId: "cus_ann", kind: "billing", address: { line1: "1 A St", country: "XX" } }),
    ).rejects.toMatchObject({ code: "invalid_request", field: "address.country" });
    expect(sim.customer("cus_ann")?.address?.country).not.toBe("XX");
  });

  it("a Stripe parameter error names the portable field", async () => {
    const { sim, provider } = openStripe();
    sim.injectParamError({ param: "address[postal_code]", method: "POST" });
    const error = await provider
      .updateAddress({ customerId: "cus_ann", kind: "billing", address: { postalCode: "12345" } })
      .catch((caught: unknown) => caught);
    expect(PortalError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "invalid_request", field: "address.postal_code", status: 400 });
  });
});

describe("createStripeProvider: options", () => {
  it.each([
    ["secretKey", { secretKey: "", returnUrl: RETURN_URL }],
    ["returnUrl", { secretKey: "sk_test_x", returnUrl: "not a url" }],
    ["portalConfiguration", { secretKey: "sk_test_x", returnUrl: RETURN_URL, portalConfiguration: "config" }],
    ["retry.maxAttempts", { secretKey: "sk_test_x", returnUrl: RETURN_URL, retry: { maxAttempts: 0 } }],
  ])("refuses a bad %s with invalid_input", (field, options) => {
    let caught: unknown;
    try {
      createStripeProvider(options);
    } catch (error) {
      caught = error;
    }
    expect(PortalError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: "invalid_input", field });
  });
});
