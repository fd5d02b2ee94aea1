import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { createChargebeeProvider } from "../src/index";
import { rig, smallWorld } from "./setup";

const LIST = { method: "GET", path: "/api/v2/invoices" } as const;
const CANCEL = { method: "POST", path: "/api/v2/subscriptions/sub_alice/cancel_for_items" } as const;

describe("retries", () => {
  it("retries a 429 after Retry-After and succeeds", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 3, maxDelayMs: 2_000, baseDelayMs: 1 } });
    sim.inject({ ...LIST, fault: { type: "status", status: 429, retryAfter: 0 } });
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data).toHaveLength(4);
    expect(sim.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("bounds the attempts: a 429 that never ends becomes rate_limited after maxAttempts", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 3, maxDelayMs: 1_000, baseDelayMs: 1 } });
    sim.inject({ ...LIST, fault: { type: "status", status: 429 }, times: 10 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({
      code: "rate_limited",
      retryable: true,
      status: 429,
      providerCode: "api_request_limit_exceeded",
    });
    expect(sim.requests).toHaveLength(3);
  });

  it("bounds the total wait: a Retry-After beyond maxDelayMs is not waited for", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 5, maxDelayMs: 1_000, baseDelayMs: 1 } });
    sim.inject({ ...LIST, fault: { type: "status", status: 429, retryAfter: 3600 }, times: 10 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "rate_limited", retryAfterMs: 3_600_000 });
    expect(sim.requests).toHaveLength(1);
  });

  it("sends one idempotency key on every attempt of a mutation, and the vendor cancels once", async () => {
    const { provider, sim } = rig(smallWorld());
    // The first attempt is carried out but its answer is lost; the retry is replayed.
    sim.inject({ ...CANCEL, fault: { type: "status", status: 503 }, phase: "after" });
    const answer = await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now" });
    expect(answer.status).toBe("canceled");
    const attempts = sim.requests.filter((r) => r.method === "POST");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.idempotencyKey).toBeDefined();
    expect(attempts[1]?.idempotencyKey).toBe(attempts[0]?.idempotencyKey);
    expect(attempts[1]?.replayed).toBe(true);
    expect(attempts[1]?.headers["x-cb-retry-attempt"]).toBeUndefined();
  });

  it("uses a new key for the next mutation", async () => {
    const { provider, sim } = rig(smallWorld());
    await provider.createSession({ customerId: "alice" });
    await provider.createSession({ customerId: "alice" });
    const [a, b] = sim.requests.map((r) => r.idempotencyKey);
    expect(a).not.toBe(b);
  });

  it("picks up again after a failure in the middle of pagination", async () => {
    const { provider, sim } = rig(smallWorld());
    const first = await provider.listInvoices({ customerId: "alice", limit: 2 });
    sim.inject({ ...LIST, fault: { type: "reset" } });
    const second = await provider.listInvoices({ customerId: "alice", limit: 2, cursor: first.nextCursor ?? "" });
    expect([...first.data, ...second.data].map((i) => i.id)).toEqual(["inv_a1", "inv_a2", "inv_a3", "inv_a4"]);
  });
});

describe("failures become PortalErrors", () => {
  it("an HTML error page is unavailable and retryable, with the real status", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 1 } });
    sim.inject({ ...LIST, fault: { type: "html", status: 502 } });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true, status: 502 });
  });

  it("a malformed JSON body is unavailable and retryable (and retried)", async () => {
    const { provider, sim } = rig(smallWorld());
    sim.inject({ ...LIST, fault: { type: "malformed-json" } });
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data).toHaveLength(4);
    sim.inject({ ...LIST, fault: { type: "malformed-json" }, times: 5 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
  });

  it("a connection reset is unavailable and retryable", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 2, baseDelayMs: 1 } });
    sim.inject({ ...LIST, fault: { type: "reset" }, times: 2 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(sim.requests).toHaveLength(2);
  });

  it("a slow answer is a retryable timeout", async () => {
    const { provider, sim } = rig(smallWorld(), { timeoutMs: 50, retry: { maxAttempts: 1 } });
    sim.inject({ ...LIST, fault: { type: "delay", ms: 400 } });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "timeout", retryable: true });
  });

  it("a wrong API key is unauthenticated, not retried, and the key appears nowhere", async () => {
    const { site, sim } = rig(smallWorld());
    const apiKey = "test_wrongkey_0123456789abcdef";
    const provider = createChargebeeProvider({ site, apiKey, retry: { maxAttempts: 3, baseDelayMs: 1 } });
    const error = await portalRejection(provider.getSubscription({ customerId: "alice", subscriptionId: "sub_alice" }));
    expect(error).toMatchObject({ code: "unauthenticated", retryable: false, status: 401 });
    expect(sim.requests).toHaveLength(1);
    const text = [error.message, JSON.stringify(error.toJSON()), error.stack ?? "", String(error.cause)].join("\n");
    expect(text).not.toContain(apiKey);
  });

  it("a 5xx with Chargebee's JSON body is unavailable and retried", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 2, baseDelayMs: 1 } });
    sim.inject({ ...LIST, fault: { type: "status", status: 500 }, times: 2 });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: true, status: 500, providerCode: "internal_error" });
    expect(sim.requests).toHaveLength(2);
  });
});
