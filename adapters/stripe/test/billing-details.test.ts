import { mountOnMsw } from "@portalkit/conformance";
import { flattenForm } from "@portalkit/core/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { createStripeClient, createStripeProvider, DEFAULT_TIMEOUT_MS, stripeDeadline } from "../src";
import { createStripeSimulator } from "../src/testing";
import { FAST_RETRY, openStripe, RETURN_URL, WORLD } from "./support";

type Sim = ReturnType<typeof openStripe>["sim"];
type Provider = ReturnType<typeof openStripe>["provider"];
const posts = (sim: Sim) =>
  sim.requests.filter((request) => request.method === "POST").map((request) => flattenForm(request.form));

describe("Stripe addresses: what reaches the customer", () => {
  it("a billing address sets the phone and email it carries; a nameless one leaves the name as it was", async () => {
    const { sim, provider } = openStripe();
    const customer = await provider.updateAddress({
      customerId: "cus_ann",
      kind: "billing",
      address: { line1: "9 Elm Rd", country: "GB", phone: "+441234567890", email: "ann@lee.example" },
    });
    expect(customer).toMatchObject({ email: "ann@lee.example", name: "Ann Lee" });
    expect(sim.customer("cus_ann")).toMatchObject({
      name: "Ann Lee",
      phone: "+441234567890",
      email: "ann@lee.example",
      address: { line1: "9 Elm Rd", line2: null, city: null, state: null, postal_code: null, country: "GB" },
    });
    expect(customer.company).toBeUndefined();
  });

  it("a shipping address keeps its own name over the customer's, and takes a phone", async () => {
    const { sim, provider } = openStripe();
    const ann = sim.customer("cus_ann")!;
    sim.putCustomer({ ...ann, shipping: { name: "Lee Stores", address: { ...ann.address!, line1: "Old Rd" } } });
    const customer = await provider.updateAddress({
      customerId: "cus_ann",
      kind: "shipping",
      address: { line1: "1 Dock Rd", country: "GB", phone: "+441234567890" },
    });
    expect(sim.customer("cus_ann")?.shipping).toMatchObject({
      name: "Lee Stores",
      phone: "+441234567890",
      address: { line1: "1 Dock Rd", country: "GB" },
    });
    expect(customer.shippingAddress).toMatchObject({ firstName: "Lee", lastName: "Stores", phone: "+441234567890" });
  });

  it("a shipping address that names someone is sent with that name, without reading the customer first", async () => {
    const { sim, provider } = openStripe();
    sim.clearRequests();
    await provider.updateAddress({
      customerId: "cus_ann",
      kind: "shipping",
      address: { firstName: "Bo", lastName: "Lee", line1: "1 Dock Rd", country: "GB" },
    });
    expect(sim.requests.map((request) => request.method)).toEqual(["POST"]);
    expect(sim.customer("cus_ann")?.shipping?.name).toBe("Bo Lee");
  });

  it("a shipping address refuses a company, and needs a name when the customer has none", async () => {
    const { sim, provider } = openStripe();
    await expect(
      provider.updateAddress({ customerId: "cus_ann", kind: "shipping", address: { company: "Lee Ltd" } }),
    ).rejects.toMatchObject({ code: "invalid_input", field: "address.company" });
    await expect(
      provider.updateAddress({ customerId: "cus_ben", kind: "shipping", address: { line1: "1 Dock Rd" } }),
    ).rejects.toMatchObject({ code: "invalid_input", field: "address.firstName" });
    expect(posts(sim)).toEqual([]);
  });

  it("an address naming another customer's subscription is not_found and changes nothing", async () => {
    const { sim, provider } = openStripe();
    await expect(
      provider.updateAddress({
        customerId: "cus_ann",
        subscriptionId: "sub_ben",
        kind: "billing",
        address: { line1: "9 Elm Rd", country: "GB" },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(posts(sim)).toEqual([]);
    await provider.updateAddress({
      customerId: "cus_ann",
      subscriptionId: "sub_ann",
      kind: "billing",
      address: { line1: "9 Elm Rd", country: "GB" },
    });
    expect(sim.customer("cus_ann")?.address?.line1).toBe("9 Elm Rd");
  });
});

describe("Stripe cancellations", () => {
  it("cancel now carries the reason as the cancellation comment", async () => {
    const { sim, provider } = openStripe();
    await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "now", reason: "moving" });
    const deleted = sim.requests.find((request) => request.method === "DELETE");
    expect([...flattenForm(deleted?.form ?? {}), ...flattenForm(deleted?.query ?? {})]).toEqual([
      ["cancellation_details[comment]", "moving"],
    ]);
    expect(sim.subscription("sub_ann")?.cancellation_details?.comment).toBe("moving");
  });

  it("cancel at the period end twice sends one update", async () => {
    const { sim, provider } = openStripe();
    await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" });
    const again = await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" });
    expect(again.status).toBe("cancel_scheduled");
    expect(posts(sim)).toEqual([[["cancel_at_period_end", "true"]]]);
  });

  it("reactivating what is not scheduled to end sends nothing", async () => {
    const { sim, provider } = openStripe();
    const answer = await provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann" });
    expect(answer.status).toBe("active");
    expect(posts(sim)).toEqual([]);
  });
});

describe("Stripe listings and reads", () => {
  it("subscriptions: ended ones are listed too, a status filter keeps only its own", async () => {
    const { provider } = openStripe();
    const all = await provider.listSubscriptions({ customerId: "cus_ann" });
    expect(all.data.map((subscription) => subscription.id).sort()).toEqual(["sub_ann", "sub_ann_old"]);
    const canceled = await provider.listSubscriptions({ customerId: "cus_ann", status: ["canceled"] });
    expect(canceled.data.map((subscription) => subscription.id)).toEqual(["sub_ann_old"]);
  });

  it("subscriptions: pages carry on from a cursor and end without one", async () => {
    const { provider } = openStripe();
    const first = await provider.listSubscriptions({ customerId: "cus_ann", limit: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).toBeDefined();
    const second = await provider.listSubscriptions({ customerId: "cus_ann", limit: 1, cursor: first.nextCursor! });
    expect(second.data).toHaveLength(1);
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);
    expect(second.nextCursor).toBeUndefined();
  });

  it("invoices of one subscription only, asked of Stripe", async () => {
    const { sim, provider } = openStripe();
    const page = await provider.listInvoices({ customerId: "cus_ann", subscriptionId: "sub_ann" });
    expect(page.data.map((invoice) => invoice.id).sort()).toEqual(["in_ann_draft", "in_ann_paid"]);
    expect(sim.requests.at(-1)?.query).toMatchObject({ subscription: "sub_ann" });
  });

  it("getCustomer shows the default payment method, expanded from Stripe", async () => {
    const { provider } = openStripe();
    const customer = await provider.getCustomer({ customerId: "cus_ann" });
    expect(customer.paymentMethod).toMatchObject({ type: "card" });
  });
});

describe("the Stripe client", () => {
  const seeded = () => {
    const sim = createStripeSimulator();
    sim.seed(structuredClone(WORLD));
    return sim;
  };

  it.each([
    ["http", "http://stripe.test"],
    ["https", "https://stripe.test"],
  ])("an %s apiBase without a port is reached on the scheme's port", async (_, apiBase) => {
    const sim = seeded();
    onTestFinished(mountOnMsw(apiBase, (request) => sim.handle(request)));
    const provider = createStripeProvider({
      secretKey: sim.secretKey,
      returnUrl: RETURN_URL,
      apiBase,
      retry: FAST_RETRY,
    });
    expect((await provider.getCustomer({ customerId: "cus_ann" })).id).toBe("cus_ann");
  });

  it("names portalkit and its transport to Stripe, and sends no telemetry", async () => {
    const { sim, provider } = openStripe();
    await provider.getCustomer({ customerId: "cus_ann" });
    await provider.getCustomer({ customerId: "cus_ann" });
    for (const request of sim.requests) {
      expect(request.headers["user-agent"]).toContain("portalkit");
      expect(JSON.parse(request.headers["x-stripe-client-user-agent"] ?? "{}")).toMatchObject({ httplib: "node" });
      expect(request.headers["x-stripe-client-telemetry"]).toBeUndefined();
    }
  });

  it("holds the caller's timeout, 30 s by default", () => {
    expect(stripeDeadline({ secretKey: "sk_test_x" })).toBe(DEFAULT_TIMEOUT_MS);
    expect(stripeDeadline({ secretKey: "sk_test_x", timeoutMs: 1_234 })).toBe(1_234);
    const client = createStripeClient({ secretKey: "sk_test_x", timeoutMs: 1_234 }) as unknown as {
      getApiField(key: string): unknown;
    };
    expect(client.getApiField("timeout")).toBe(1_234);
    const fallback = createStripeClient({ secretKey: "sk_test_x" }) as unknown as { getApiField(key: string): unknown };
    expect(fallback.getApiField("timeout")).toBe(DEFAULT_TIMEOUT_MS);
  });
});

describe("Stripe launches: where the customer comes back to", () => {
  const forms = (sim: Sim) =>
    sim.requests
      .filter((request) => request.path === "/v1/billing_portal/sessions")
      .map((request) => Object.fromEntries(flattenForm(request.form)));

  it("a section flow without a returnUrl sends the customer back to the configured one", async () => {
    const { sim, provider } = openStripe();
    await provider.openSection({ customerId: "cus_ann", section: "account_details" });
    expect(forms(sim)).toEqual([
      {
        customer: "cus_ann",
        return_url: RETURN_URL,
        "flow_data[type]": "customer_update",
        "flow_data[after_completion][type]": "redirect",
        "flow_data[after_completion][redirect][return_url]": RETURN_URL,
      },
    ]);
  });

  it("the payment method launch opens the payment_sources section, back to the caller's returnUrl or the configured one", async () => {
    const { sim, provider } = openStripe();
    const launch = await provider.paymentMethodLaunch({
      customerId: "cus_ann",
      returnUrl: "https://app.example.com/pm",
    });
    expect(launch).toMatchObject({ kind: "redirect", section: "payment_sources", url: sim.sessions[0]?.url });
    await provider.paymentMethodLaunch({ customerId: "cus_ann" });
    expect(
      forms(sim).map((form) => [form.return_url, form["flow_data[after_completion][redirect][return_url]"]]),
    ).toEqual([
      ["https://app.example.com/pm", "https://app.example.com/pm"],
      [RETURN_URL, RETURN_URL],
    ]);
  });
});

describe("Stripe listings: pages filled here", () => {
  it("a page filled before the end of Stripe's page carries a cursor to the rest", async () => {
    const world = structuredClone(WORLD);
    world.invoices.push({
      id: "in_ann_void",
      customerId: "cus_ann",
      number: "ANN-0000",
      status: "void",
      total: 500,
      amountPaid: 0,
      amountDue: 0,
      currency: "usd",
      issuedAt: "2026-09-01T00:00:00Z",
    });
    const { provider } = openStripe({}, world);
    const status = ["open", "draft", "void"] as const;
    const first = await provider.listInvoices({ customerId: "cus_ann", status: [...status], limit: 2 });
    expect(first.data.map((invoice) => invoice.id)).toEqual(["in_ann_draft", "in_ann_open"]);
    expect(first.nextCursor).toBeDefined();
    const second = await provider.listInvoices({
      customerId: "cus_ann",
      status: [...status],
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second).toEqual({ data: [expect.objectContaining({ id: "in_ann_void" })] });
  });

  it("a subscription of another customer slipped into Stripe's answer is not listed", async () => {
    const { sim, provider } = openStripe();
    const foreign = sim.subscription("sub_ben");
    sim.inject({
      path: "/v1/subscriptions",
      fault: {
        type: "corrupt",
        corrupt: async (real) => {
          const page = (await real.json()) as { data: unknown[] };
          return Response.json({ ...page, data: [...page.data, foreign] });
        },
      },
    });
    const listed = await provider.listSubscriptions({ customerId: "cus_ann" });
    expect(listed.data.map((subscription) => subscription.id).sort()).toEqual(["sub_ann", "sub_ann_old"]);
  });
});

describe("Stripe: the gaps a mutant once slipped through", () => {
  it("cancel now after cancel at the period end deletes the subscription at once", async () => {
    const { sim, provider } = openStripe();
    await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" });
    sim.clearRequests();
    const answer = await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "now" });
    expect(answer.status).toBe("canceled");
    expect(sim.requests.map((request) => request.method)).toEqual(["GET", "DELETE"]);
    expect(sim.subscription("sub_ann")?.status).toBe("canceled");
  });

  it("an invoice of another customer slipped into Stripe's answer is not listed", async () => {
    const { sim, provider } = openStripe();
    const foreign = sim.invoice("in_ben");
    sim.inject({
      path: "/v1/invoices",
      fault: {
        type: "corrupt",
        corrupt: async (real) => {
          const page = (await real.json()) as { data: unknown[] };
          return Response.json({ ...page, data: [...page.data, foreign] });
        },
      },
    });
    const listed = await provider.listInvoices({ customerId: "cus_ann" });
    expect(listed.data.map((invoice) => invoice.id)).toEqual(["in_ann_draft", "in_ann_paid", "in_ann_open"]);
  });
});

describe("Stripe: what each change sends and says", () => {
  it("a billing address that names someone renames the customer", async () => {
    const { sim, provider } = openStripe();
    const customer = await provider.updateAddress({
      customerId: "cus_ann",
      kind: "billing",
      address: { firstName: "Bo", lastName: "Lee", line1: "9 Elm Rd", country: "GB" },
    });
    expect(sim.customer("cus_ann")?.name).toBe("Bo Lee");
    expect(customer.name).toBe("Bo Lee");
  });

  it.each([
    [
      "cancel now",
      "DELETE",
      (p: Provider) => p.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "now" }),
    ],
    [
      "cancel at the period end",
      "POST",
      (p: Provider) => p.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" }),
    ],
    [
      "an address update",
      "POST",
      (p: Provider) => p.updateAddress({ customerId: "cus_ann", kind: "billing", address: { line1: "9 Elm Rd" } }),
    ],
  ] as const)("%s sends one idempotency key on every attempt", async (_, method, change) => {
    const { sim, provider } = openStripe();
    sim.inject({ method, fault: { type: "status", status: 503 }, times: 1 });
    await change(provider);
    const keys = sim.requests.filter((request) => request.method === method).map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("reactivate sends one idempotency key on every attempt", async () => {
    const { sim, provider } = openStripe();
    await provider.cancel({ customerId: "cus_ann", subscriptionId: "sub_ann", when: "period_end" });
    sim.clearRequests();
    sim.inject({ method: "POST", fault: { type: "status", status: 503 }, times: 1 });
    await provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann" });
    const keys = sim.requests.filter((request) => request.method === "POST").map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
  });

  it("its refusals say what is wrong", async () => {
    const { sim, provider } = openStripe();
    await expect(provider.reactivate({ customerId: "cus_ann", subscriptionId: "sub_ann_old" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/sub_ann_old has ended/),
    });
    await expect(provider.invoicePdf({ customerId: "cus_ann", invoiceId: "in_ann_draft" })).rejects.toMatchObject({
      message: expect.stringMatching(/in_ann_draft is a draft/),
    });
    await expect(
      provider.updateAddress({ customerId: "cus_ann", kind: "shipping", address: { company: "Lee Ltd" } }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/shipping address has no company/) });
    await expect(
      provider.updateAddress({ customerId: "cus_ben", kind: "shipping", address: { line1: "1 Dock Rd" } }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/shipping address needs a name/) });
    sim.deleteCustomer("cus_ben");
    await expect(provider.getCustomer({ customerId: "cus_ben" })).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/cus_ben/),
    });
  });
});

describe("Stripe listings: answers that do not add up", () => {
  it("an invoice Stripe lists without a status counts as a draft when filtering here", async () => {
    const { sim, provider } = openStripe();
    const pending = { ...sim.invoice("in_ann_open")!, id: "in_ann_new", status: null };
    sim.inject({
      path: "/v1/invoices",
      fault: {
        type: "corrupt",
        corrupt: async (real) => {
          const page = (await real.json()) as { data: unknown[] };
          return Response.json({ ...page, data: [...page.data, pending] });
        },
      },
    });
    const listed = await provider.listInvoices({ customerId: "cus_ann", status: ["draft", "void"] });
    expect(listed.data.map((invoice) => [invoice.id, invoice.status])).toEqual([
      ["in_ann_draft", "draft"],
      ["in_ann_new", "draft"],
    ]);
  });

  it("an empty page that claims more ends the listing instead of asking again", async () => {
    const { sim, provider } = openStripe();
    sim.inject({
      path: "/v1/invoices",
      times: Number.MAX_SAFE_INTEGER,
      fault: { type: "corrupt", corrupt: () => Response.json({ object: "list", data: [], has_more: true }) },
    });
    expect(await provider.listInvoices({ customerId: "cus_ann", status: ["draft", "void"] })).toEqual({ data: [] });
    expect(sim.requests).toHaveLength(1);
  });

  it("a repeated invoice is reported as such", async () => {
    const { sim, provider } = openStripe();
    sim.inject({
      path: "/v1/invoices",
      fault: {
        type: "corrupt",
        corrupt: async (real) => {
          const page = (await real.json()) as { data: unknown[] };
          return Response.json({ ...page, data: [...page.data, page.data[0]] });
        },
      },
    });
    await expect(provider.listInvoices({ customerId: "cus_ann" })).rejects.toMatchObject({
      code: "unavailable",
      retryable: false,
      message: expect.stringMatching(/listed invoice in_ann_draft twice/),
    });
  });
});
