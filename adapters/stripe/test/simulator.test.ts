import { mountOnMsw } from "@portalkit/conformance";
import { flattenForm } from "@portalkit/core/testing";
import Stripe from "stripe";
import { describe, expect, it, onTestFinished } from "vitest";
import { createStripeSimulator, STRIPE_API_ORIGIN } from "../src/testing";
import { WORLD } from "./support";

function open() {
  const sim = createStripeSimulator();
  sim.seed(structuredClone(WORLD));
  onTestFinished(mountOnMsw(STRIPE_API_ORIGIN, (request) => sim.handle(request)));
  const stripe = new Stripe(sim.secretKey, { maxNetworkRetries: 0 });
  return { sim, stripe };
}

async function call(sim: ReturnType<typeof open>["sim"], method: string, path: string, form?: Record<string, string>) {
  const response = await sim.handle(
    new Request(`${STRIPE_API_ORIGIN}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${sim.secretKey}`,
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    }),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe("the Stripe simulator, through the official SDK", () => {
  it("lists a customer's invoices newest first, in pages joined by starting_after", async () => {
    const { stripe } = open();
    const first = await stripe.invoices.list({ customer: "cus_ann", limit: 2 });
    expect(first.object).toBe("list");
    expect(first.has_more).toBe(true);
    expect(first.data.map((invoice) => invoice.id)).toEqual(["in_ann_draft", "in_ann_paid"]);
    const rest = await stripe.invoices.list({ customer: "cus_ann", limit: 2, starting_after: "in_ann_paid" });
    expect(rest.data.map((invoice) => invoice.id)).toEqual(["in_ann_open"]);
    expect(rest.has_more).toBe(false);
    const paid = await stripe.invoices.list({ customer: "cus_ann", status: "paid" });
    expect(paid.data.map((invoice) => invoice.id)).toEqual(["in_ann_paid"]);
    const bySubscription = await stripe.invoices.list({ subscription: "sub_ben" });
    expect(bySubscription.data.map((invoice) => invoice.id)).toEqual(["in_ben"]);
  });

  it("answers in the wire format: lower-case currency, finalized URLs, the subscription under parent", async () => {
    const { stripe } = open();
    const invoice = await stripe.invoices.retrieve("in_ann_paid");
    expect(invoice).toMatchObject({
      object: "invoice",
      currency: "usd",
      customer: "cus_ann",
      parent: { type: "subscription_details", subscription_details: { subscription: "sub_ann" } },
    });
    expect(invoice.invoice_pdf).toMatch(/^https:\/\/pay\.stripe\.com\//);
    const draft = await stripe.invoices.retrieve("in_ann_draft");
    expect(draft.invoice_pdf).toBeNull();
    expect(draft.number).toBeNull();
  });

  it("cancels now with DELETE and at the period end with cancel_at_period_end, which can be undone", async () => {
    const { stripe, sim } = open();
    const scheduled = await stripe.subscriptions.update("sub_ann", { cancel_at_period_end: true });
    expect(scheduled.cancel_at_period_end).toBe(true);
    expect(scheduled.cancel_at).toBe(Date.parse("2026-12-01T00:00:00Z") / 1000);
    const undone = await stripe.subscriptions.update("sub_ann", { cancel_at_period_end: false });
    expect(undone.cancel_at).toBeNull();
    const ended = await stripe.subscriptions.cancel("sub_ann", { cancellation_details: { comment: "moving" } });
    expect(ended.status).toBe("canceled");
    expect(ended.cancellation_details?.comment).toBe("moving");
    expect(sim.subscription("sub_ann")?.status).toBe("canceled");
    await expect(stripe.subscriptions.update("sub_ann", { cancel_at_period_end: false })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
    });
  });

  it("updates a customer's address and shipping from nested bracket parameters", async () => {
    const { stripe, sim } = open();
    await stripe.customers.update("cus_ann", {
      address: { line1: "1 Quay St", city: "Cork", country: "IE", postal_code: "T12 X123" },
      shipping: { name: "Ann Lee", address: { line1: "2 Dock Rd", city: "Cork", country: "IE" } },
    });
    const form = sim.requests.at(-1)?.form ?? {};
    expect(flattenForm(form)).toContainEqual(["shipping[address][line1]", "2 Dock Rd"]);
    expect(sim.customer("cus_ann")?.address).toMatchObject({ line1: "1 Quay St", postal_code: "T12 X123" });
    expect(sim.customer("cus_ann")?.shipping).toMatchObject({ name: "Ann Lee", address: { line1: "2 Dock Rd" } });
  });

  it("creates billing portal sessions with flow_data, refusing a subscription of another customer", async () => {
    const { stripe } = open();
    const session = await stripe.billingPortal.sessions.create({
      customer: "cus_ann",
      return_url: "https://app.example.com",
      flow_data: { type: "subscription_cancel", subscription_cancel: { subscription: "sub_ann" } },
    });
    expect(session).toMatchObject({
      object: "billing_portal.session",
      customer: "cus_ann",
      return_url: "https://app.example.com",
      flow: { type: "subscription_cancel", subscription_cancel: { subscription: "sub_ann" } },
    });
    expect(session.url).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\//);
    await expect(
      stripe.billingPortal.sessions.create({
        customer: "cus_ann",
        flow_data: { type: "subscription_cancel", subscription_cancel: { subscription: "sub_ben" } },
      }),
    ).rejects.toMatchObject({ statusCode: 400, param: "flow_data[subscription_cancel][subscription]" });
  });
});

describe("the Stripe simulator's errors", () => {
  it("refuses an unknown parameter with parameter_unknown naming it", async () => {
    const { sim } = open();
    const answer = await call(sim, "POST", "/v1/customers/cus_ann", { "address[planet]": "Mars" });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        type: "invalid_request_error",
        code: "parameter_unknown",
        param: "address[planet]",
        message: "Received unknown parameter: address[planet]",
        doc_url: "https://docs.stripe.com/error-codes/parameter-unknown",
      },
    });
    expect(answer.headers.get("request-id")).toMatch(/^req_/);
  });

  it("refuses an unknown country code, as Stripe does, and changes nothing", async () => {
    const { sim } = open();
    const before = structuredClone(sim.customer("cus_ann"));
    const billing = await call(sim, "POST", "/v1/customers/cus_ann", {
      "address[line1]": "1 Nowhere St",
      "address[country]": "XX",
    });
    expect(billing.status).toBe(400);
    expect(billing.body.error).toMatchObject({ type: "invalid_request_error", param: "address[country]" });
    expect((billing.body.error as { message: string }).message).toContain("Country 'XX' is unknown");
    const shipping = await call(sim, "POST", "/v1/customers/cus_ann", {
      "shipping[name]": "Ann Lee",
      "shipping[address][country]": "XX",
    });
    expect(shipping.body.error).toMatchObject({ param: "shipping[address][country]" });
    expect(sim.customer("cus_ann")).toEqual(before);
    expect((await call(sim, "POST", "/v1/customers/cus_ann", { "address[country]": "IE" })).status).toBe(200);
  });

  it("refuses a wrong key with 401, showing only its last four characters", async () => {
    const { sim } = open();
    const wrongKey = "sk_test_51WrongKeyWrongKeyWrongKey9876";
    const response = await sim.handle(
      new Request(`${STRIPE_API_ORIGIN}/v1/invoices`, { headers: { authorization: `Bearer ${wrongKey}` } }),
    );
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(wrongKey);
    expect(text).toContain("9876");
    expect(sim.requests.at(-1)?.headers.authorization).toBe("[redacted]");
  });

  it("answers 404 resource_missing for an unknown object and 400 for a limit above 100", async () => {
    const { sim } = open();
    const missing = await call(sim, "GET", "/v1/subscriptions/sub_nobody");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "resource_missing", param: "id" });
    const tooMany = await call(sim, "GET", "/v1/invoices?limit=101");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ param: "limit" });
  });

  it("replays a mutation sent again with the same idempotency key, and refuses the key with other parameters", async () => {
    const { sim } = open();
    const send = (value: string) =>
      sim.handle(
        new Request(`${STRIPE_API_ORIGIN}/v1/subscriptions/sub_ann`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${sim.secretKey}`,
            "content-type": "application/x-www-form-urlencoded",
            "idempotency-key": "key-1",
          },
          body: `cancel_at_period_end=${value}`,
        }),
      );
    expect((await send("true")).status).toBe(200);
    expect((await send("true")).status).toBe(200);
    expect(sim.requests.at(-1)?.replayed).toBe(true);
    const conflict = await send("false");
    expect(conflict.status).toBe(400);
    expect(((await conflict.json()) as { error: { type: string } }).error.type).toBe("idempotency_error");
  });
});

describe("the Stripe simulator: customer and subscription reads, through the official SDK", () => {
  it("expands the default payment method on request, and answers a deleted customer as deleted", async () => {
    const { sim, stripe } = open();
    const plain = await stripe.customers.retrieve("cus_ann");
    expect(!plain.deleted && plain.invoice_settings.default_payment_method).toBe("pm_card_cus_ann");
    const customer = await stripe.customers.retrieve("cus_ann", {
      expand: ["invoice_settings.default_payment_method"],
    });
    if (customer.deleted) throw new Error("not deleted");
    const method = customer.invoice_settings.default_payment_method;
    expect(typeof method === "object" && method?.card).toMatchObject({ brand: "visa", last4: "4242" });
    expect((await call(sim, "GET", "/v1/customers/cus_ann?expand[]=subscriptions.data")).status).toBe(400);
    const deleted = await stripe.customers.del("cus_ben");
    expect(deleted).toMatchObject({ id: "cus_ben", deleted: true });
    expect(await stripe.customers.retrieve("cus_ben")).toMatchObject({ id: "cus_ben", deleted: true });
    expect((await call(sim, "POST", "/v1/customers/cus_ben", { name: "Ben" })).status).toBe(404);
  });

  it("lists a customer's subscriptions newest first, canceled ones only with status=all", async () => {
    const { stripe } = open();
    const live = await stripe.subscriptions.list({ customer: "cus_ann" });
    expect(live.data.map((s) => s.id)).toEqual(["sub_ann"]);
    const first = await stripe.subscriptions.list({ customer: "cus_ann", status: "all", limit: 1 });
    expect(first.data.map((s) => s.id)).toEqual(["sub_ann"]);
    expect(first.has_more).toBe(true);
    const second = await stripe.subscriptions.list({
      customer: "cus_ann",
      status: "all",
      limit: 1,
      starting_after: "sub_ann",
    });
    expect(second.data.map((s) => s.id)).toEqual(["sub_ann_old"]);
    expect(second.has_more).toBe(false);
    await expect(stripe.subscriptions.list({ customer: "cus_nobody" })).rejects.toMatchObject({
      code: "resource_missing",
      param: "customer",
    });
  });
});
