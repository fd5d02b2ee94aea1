import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { rig, smallWorld } from "./setup";

/** Slips a copy of Bob's first listed object (or Bob's own, renamed) into Alice's answer. */
function withForeign(kind: "invoice" | "subscription", foreign: Record<string, unknown>) {
  return async (real: Response): Promise<Response> => {
    const body = (await real.json()) as { list: Array<Record<string, unknown>>; next_offset?: string };
    body.list.splice(1, 0, { [kind]: foreign });
    return Response.json(body, { status: real.status });
  };
}

describe("a listing Chargebee answers with another customer's object in it", () => {
  it("drops another customer's invoice, keeping the customer's own and the next page", async () => {
    const { provider, sim } = rig(smallWorld());
    const bobs = sim.invoices.get("inv_b1");
    if (!bobs) throw new Error("seeded");
    sim.inject({
      method: "GET",
      path: "/api/v2/invoices",
      fault: { type: "corrupt", corrupt: withForeign("invoice", { ...bobs, id: "inv_b_slipped" }) },
    });
    const page = await provider.listInvoices({ customerId: "alice", limit: 3 });
    expect(page.data.map((invoice) => invoice.id)).toEqual(["inv_a1", "inv_a2", "inv_a3"]);
    expect(page.data.every((invoice) => invoice.customerId === "alice")).toBe(true);
    expect(page.nextCursor).toBeDefined();
  });

  it("drops another customer's subscription", async () => {
    const { provider, sim } = rig(smallWorld());
    const bobs = sim.subscriptions.get("sub_bob");
    if (!bobs) throw new Error("seeded");
    sim.inject({
      method: "GET",
      path: "/api/v2/subscriptions",
      fault: { type: "corrupt", corrupt: withForeign("subscription", { ...bobs, id: "sub_b_slipped" }) },
    });
    const page = await provider.listSubscriptions({ customerId: "alice" });
    expect(page.data.map((subscription) => subscription.id).sort()).toEqual([
      "sub_alice",
      "sub_alice_ending",
      "sub_alice_gone",
    ]);
  });
});

describe("an invoice PDF whose ownership read fails", () => {
  it("keeps an outage retryable (not not_found) and asks for no PDF", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 2, maxDelayMs: 10, baseDelayMs: 1 } });
    sim.inject({ method: "GET", path: "/api/v2/invoices/inv_a1", fault: { type: "status", status: 503 }, times: 5 });
    const error = await portalRejection(provider.invoicePdf({ customerId: "alice", invoiceId: "inv_a1" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(sim.requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("keeps a refused key unauthenticated", async () => {
    const { provider, sim } = rig(smallWorld(), { apiKey: "test_wrong_key" });
    const error = await portalRejection(provider.invoicePdf({ customerId: "alice", invoiceId: "inv_a1" }));
    expect(error).toMatchObject({ code: "unauthenticated", retryable: false });
    expect(sim.requests.filter((r) => r.method === "POST")).toEqual([]);
  });
});

describe("the return URL reaches Chargebee", () => {
  const returnUrl = "https://app.example.com/account";

  it("as the portal session's redirect_url, for a session, the portal and a section", async () => {
    const { provider, sim } = rig(smallWorld());
    await provider.createSession({ customerId: "alice", returnUrl });
    await provider.openPortal({ customerId: "alice", returnUrl });
    await provider.openSection({ customerId: "alice", section: "account_details", returnUrl });
    await provider.openSection({
      customerId: "alice",
      section: "cancel_subscription",
      subscriptionId: "sub_alice",
      returnUrl,
    });
    await provider.openSection({ customerId: "alice", section: "cancel_subscription", fallback: "portal", returnUrl });
    const sessions = [...sim.portalSessions.values()];
    expect(sessions).toHaveLength(5);
    for (const session of sessions) expect(session.redirect_url).toBe(returnUrl);
  });

  it("and nothing is sent for it when there is none", async () => {
    const { provider, sim } = rig(smallWorld());
    await provider.createSession({ customerId: "alice" });
    await provider.paymentMethodLaunch({ customerId: "alice" });
    expect(sim.requests.map((r) => r.form)).toEqual([{ customer: { id: "alice" } }, { customer: { id: "alice" } }]);
  });
});
