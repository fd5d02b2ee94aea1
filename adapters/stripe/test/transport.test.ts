import { describe, expect, it } from "vitest";
import { flowDataFor } from "../src";
import { openStripe } from "./support";

const json = (text: string) => new Response(text, { status: 200, headers: { "content-type": "application/json" } });

describe("Stripe's transport: answers that are not Stripe objects", () => {
  it.each(["null", "5", '"text"'])("a 200 body of %s fails unavailable instead of never settling", async (body) => {
    const { sim, provider } = openStripe({ retry: { maxAttempts: 1 } });
    sim.inject({ path: "/v1/customers/cus_ann", fault: { type: "corrupt", corrupt: () => json(body) } });
    await expect(provider.getCustomer({ customerId: "cus_ann" })).rejects.toMatchObject({ code: "unavailable" });
  });

  it("a connection reset is retried by portalkit under one idempotency key, not resent by the SDK", async () => {
    const { sim, provider } = openStripe();
    sim.inject({ path: "/v1/billing_portal/sessions", fault: { type: "reset" } });
    const session = await provider.createSession({ customerId: "cus_ann" });
    expect(session.url).toBe(sim.sessions[0]?.url);
    const sessions = sim.requests.filter((request) => request.path === "/v1/billing_portal/sessions");
    expect(sessions.map((request) => request.status)).toEqual([0, 200]);
    expect(new Set(sessions.map((request) => request.idempotencyKey)).size).toBe(1);
  });

  it("a connection reset past the retry budget is unavailable", async () => {
    const { sim, provider } = openStripe({ retry: { maxAttempts: 1 } });
    sim.inject({ path: "/v1/customers/cus_ann", fault: { type: "reset" } });
    await expect(provider.getCustomer({ customerId: "cus_ann" })).rejects.toMatchObject({
      code: "unavailable",
      retryable: true,
    });
    expect(sim.requests).toHaveLength(1);
  });
});

describe("flowDataFor", () => {
  it("a section Stripe's portal has no flow for has no flow_data", () => {
    expect(flowDataFor("billing_history", undefined, "https://app.example.com/done")).toBeUndefined();
    expect(flowDataFor("subscription_details", "sub_1", "https://app.example.com/done")).toBeUndefined();
  });

  it("a subscription flow names its subscription and sends the customer back to returnUrl when done", () => {
    expect(flowDataFor("cancel_subscription", "sub_1", "https://app.example.com/done")).toEqual({
      type: "subscription_cancel",
      after_completion: { type: "redirect", redirect: { return_url: "https://app.example.com/done" } },
      subscription_cancel: { subscription: "sub_1" },
    });
  });
});
