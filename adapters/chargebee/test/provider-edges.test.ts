import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import type { WireSubscription } from "../src/testing/index";
import { rig, smallWorld } from "./setup";

const mutations = <T extends { method: string }>(requests: readonly T[]): T[] =>
  requests.filter((r) => r.method !== "GET");

/** Answers the real JSON with `edit` applied to it. */
const editJson =
  (edit: (body: Record<string, Record<string, unknown>>) => void) =>
  async (real: Response): Promise<Response> => {
    const body = (await real.json()) as Record<string, Record<string, unknown>>;
    edit(body);
    return Response.json(body, { status: real.status });
  };

describe("invoice listings, the filters Chargebee is sent", () => {
  it("leaves pending out of the statuses asked for when includePending is false, and keeps it otherwise", async () => {
    const { provider, sim } = rig(smallWorld());
    const page = await provider.listInvoices({
      customerId: "alice",
      status: ["pending", "paid"],
      includePending: false,
    });
    expect(page.data.map((invoice) => invoice.id)).toEqual(["inv_a1"]);
    expect(sim.requests[0]?.query.status).toEqual({ in: '["paid"]' });
    expect(await provider.listInvoices({ customerId: "alice", status: ["pending"], includePending: false })).toEqual({
      data: [],
    });
    expect(sim.requests).toHaveLength(1);
    const pending = await provider.listInvoices({ customerId: "alice", status: ["pending"] });
    expect(pending.data.map((invoice) => invoice.id)).toEqual(["inv_a5"]);
    expect(sim.requests[1]?.query.status).toEqual({ in: '["pending"]' });
  });

  it("narrows to one subscription's invoices with subscription_id", async () => {
    const world = smallWorld();
    world.invoices.push({
      ...world.invoices[0],
      id: "inv_a_other",
      number: "inv_a_other",
      subscriptionId: "sub_alice_gone",
    } as (typeof world.invoices)[number]);
    const { provider, sim } = rig(world);
    const page = await provider.listInvoices({ customerId: "alice", subscriptionId: "sub_alice_gone" });
    expect(page.data.map((invoice) => invoice.id)).toEqual(["inv_a_other"]);
    expect(sim.requests[0]?.query.subscription_id).toEqual({ is: "sub_alice_gone" });
  });
});

describe("subscription listings", () => {
  it("sends the statuses asked for and keeps only those: past_due is active with invoices due", async () => {
    const { provider, sim } = rig(smallWorld());
    const current = sim.subscriptions.get("sub_alice");
    if (!current) throw new Error("seeded");
    sim.subscriptions.put({
      ...structuredClone(current),
      id: "sub_alice_due",
      due_invoices_count: 1,
    } as WireSubscription);
    const due = await provider.listSubscriptions({ customerId: "alice", status: ["past_due"] });
    expect(due.data.map((subscription) => subscription.id)).toEqual(["sub_alice_due"]);
    expect(sim.requests[0]?.query).toMatchObject({
      limit: "100",
      customer_id: { is: "alice" },
      status: { in: '["active"]' },
      sort_by: { desc: "created_at" },
    });
    const all = await provider.listSubscriptions({ customerId: "alice" });
    expect(all.data).toHaveLength(4);
    expect(sim.requests[1]?.query.status).toBeUndefined();
    const ended = await provider.listSubscriptions({ customerId: "alice", status: ["canceled", "cancel_scheduled"] });
    expect(ended.data.map((subscription) => subscription.id).sort()).toEqual(["sub_alice_ending", "sub_alice_gone"]);
    expect(sim.requests[2]?.query.status).toEqual({ in: '["cancelled","transferred","non_renewing"]' });
  });

  it("pages with a cursor bound to the customer", async () => {
    const { provider, sim } = rig(smallWorld());
    const first = await provider.listSubscriptions({ customerId: "alice", limit: 2 });
    expect(first.data).toHaveLength(2);
    if (!first.nextCursor) throw new Error("a second page");
    const second = await provider.listSubscriptions({ customerId: "alice", limit: 2, cursor: first.nextCursor });
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeUndefined();
    expect(new Set([...first.data, ...second.data].map((s) => s.id)).size).toBe(3);
    expect(sim.requests[1]?.query.offset).toBeDefined();
    const error = await portalRejection(
      provider.listSubscriptions({ customerId: "bob", limit: 2, cursor: first.nextCursor }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "cursor" });
  });
});

describe("cancel and reactivate, what is already settled", () => {
  it("cancels nothing further on a cancelled or transferred subscription, whichever the mode", async () => {
    const { provider, sim } = rig(smallWorld());
    const current = sim.subscriptions.get("sub_alice");
    if (!current) throw new Error("seeded");
    sim.subscriptions.put({ ...structuredClone(current), id: "sub_alice_moved", status: "transferred" });
    for (const subscriptionId of ["sub_alice_gone", "sub_alice_moved"]) {
      for (const when of ["now", "period_end"] as const) {
        const answer = await provider.cancel({ customerId: "alice", subscriptionId, when });
        expect(answer.status, `${subscriptionId} ${when}`).toBe("canceled");
      }
    }
    expect(mutations(sim.requests)).toEqual([]);
    const moved = await provider.reactivate({ customerId: "alice", subscriptionId: "sub_alice_moved" });
    expect(moved.status).toBe("canceled");
    expect(mutations(sim.requests)).toEqual([]);
  });
});

describe("answers missing what they usually carry", () => {
  it("an invoice PDF without an expiry is just its URL", async () => {
    const { provider, sim } = rig(smallWorld());
    sim.inject({
      method: "POST",
      path: "/api/v2/invoices/inv_a1/pdf",
      fault: {
        type: "corrupt",
        corrupt: editJson((body) => {
          delete body.download?.valid_till;
        }),
      },
    });
    const pdf = await provider.invoicePdf({ customerId: "alice", invoiceId: "inv_a1" });
    expect(pdf).toEqual({ url: expect.stringContaining("inv_a1.pdf") });
    expect("expiresAt" in pdf).toBe(false);
  });

  it("a hosted page without a URL is unavailable; one without an expiry launches without one", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 1 } });
    const path = "/api/v2/hosted_pages/manage_payment_sources";
    sim.inject({
      method: "POST",
      path,
      fault: { type: "corrupt", corrupt: editJson((b) => delete b.hosted_page?.url) },
    });
    const error = await portalRejection(provider.paymentMethodLaunch({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", message: "Chargebee returned a hosted page without a URL" });
    sim.inject({
      method: "POST",
      path,
      fault: { type: "corrupt", corrupt: editJson((b) => delete b.hosted_page?.expires_at) },
    });
    const launch = await provider.paymentMethodLaunch({ customerId: "alice" });
    expect(launch).toEqual({ kind: "redirect", provider: "chargebee", url: expect.stringMatching(/^https:/) });
    const dated = await provider.paymentMethodLaunch({ customerId: "alice" });
    expect(Date.parse(dated.expiresAt ?? "")).toBeGreaterThan(Date.now());
  });
});

describe("addresses and the customer", () => {
  it("a billing update naming a subscription shows that subscription's shipping address, after checking it", async () => {
    const { provider, sim } = rig(smallWorld());
    await provider.updateAddress({
      customerId: "alice",
      kind: "shipping",
      subscriptionId: "sub_alice",
      address: { city: "Shelbyville", country: "US" },
    });
    const billing = await provider.updateAddress({
      customerId: "alice",
      kind: "billing",
      subscriptionId: "sub_alice",
      address: { line1: "2 Elm St", country: "US" },
    });
    expect(billing).toMatchObject({
      billingAddress: { line1: "2 Elm St", country: "US" },
      shippingAddress: { city: "Shelbyville", country: "US" },
    });
    const plain = await provider.updateAddress({
      customerId: "alice",
      kind: "billing",
      address: { line1: "3 Elm St" },
    });
    expect(plain).not.toHaveProperty("shippingAddress");
    sim.clearRequests();
    const foreign = await portalRejection(
      provider.updateAddress({
        customerId: "alice",
        kind: "billing",
        subscriptionId: "sub_bob",
        address: { city: "X" },
      }),
    );
    expect(foreign.code).toBe("not_found");
    expect(mutations(sim.requests)).toEqual([]);
  });

  it("the shipping address needs a subscription, said in the error", async () => {
    const { provider } = rig(smallWorld());
    const error = await portalRejection(
      provider.updateAddress({ customerId: "alice", kind: "shipping", address: { city: "X" } }),
    );
    expect(error.message).toBe(
      "Invalid input at subscriptionId: Chargebee keeps the shipping address on a subscription",
    );
  });

  it("reads the customer with the card Chargebee answers beside it", async () => {
    const { provider } = rig(smallWorld());
    const customer = await provider.getCustomer({ customerId: "alice" });
    expect(customer).toMatchObject({ id: "alice", email: "alice@example.com", paymentMethod: { type: "card" } });
    expect(customer.paymentMethod?.last4).toMatch(/^[0-9]{4}$/);
    expect(customer).not.toHaveProperty("shippingAddress");
  });
});

describe("launch messages and shape", () => {
  it("says which section needs a subscription, and leaves out a domain none was set for", async () => {
    const { provider } = rig(smallWorld());
    const error = await portalRejection(provider.openSection({ customerId: "alice", section: "edit_subscription" }));
    expect(error.message).toBe(
      "Invalid input at subscriptionId: Chargebee opens edit_subscription for one subscription",
    );
    const launch = await provider.openPortal({ customerId: "alice" });
    expect("domain" in launch).toBe(false);
    expect("section" in launch).toBe(false);
  });

  it("refuses a free-text reason, saying why", async () => {
    const { provider } = rig(smallWorld(), { cancelReasonCodes: ["too_expensive"] });
    const error = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now", reason: "meh" }),
    );
    expect(error.message).toBe(
      "Invalid input at reason: Chargebee takes one of the site's cancellation reason codes (the provider's cancelReasonCodes)",
    );
  });
});
