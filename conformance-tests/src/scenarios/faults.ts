import {
  type CancelMode,
  type Invoice,
  MAX_PAGE_SIZE,
  PortalError,
  type PortalErrorCode,
  SubscriptionSchema,
} from "@portalkit/core";
import type { Fault } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import type { HarnessContext } from "../harness";
import { CONFORMANCE_SETUP, expectPortalError, mutating, type Scenario } from "../scenario-kit";
import { ALICE, invoiceWorld, SUBSCRIPTIONS } from "../world";
import { expectCancelled } from "./cancel";
import { idsOf } from "./invoices";

const { maxAttempts } = CONFORMANCE_SETUP.retry;

/** Faults a safe call must ride out, and the error each leaves when it never stops. */
export const TRANSIENT_FAULTS: ReadonlyArray<[string, Fault, PortalErrorCode]> = [
  ["HTTP 429 without Retry-After", { type: "status", status: 429 }, "rate_limited"],
  ["HTTP 500", { type: "status", status: 500 }, "unavailable"],
  ["HTTP 503", { type: "status", status: 503 }, "unavailable"],
  ["an HTML 502 page", { type: "html", status: 502 }, "unavailable"],
  ["malformed JSON", { type: "malformed-json" }, "unavailable"],
  ["a connection reset", { type: "reset" }, "unavailable"],
  ["an answer slower than the timeout", { type: "delay", ms: CONFORMANCE_SETUP.timeoutMs * 3 }, "timeout"],
];

/**
 * Every mutating request carries the same idempotency key (for a vendor that takes none,
 * `keys: false`, only that there was a mutating request).
 */
export function expectOneIdempotencyKey(ctx: HarnessContext, keys = true): void {
  const requests = mutating(ctx.requests);
  expect(requests.length, "mutating requests").toBeGreaterThan(0);
  if (!keys) return;
  const sent = new Set(requests.map((request) => request.idempotencyKey));
  expect([...sent], "idempotency keys across attempts").toHaveLength(1);
  expect(requests[0]!.idempotencyKey, "an idempotency key is sent").toBeTruthy();
}

/**
 * One idempotency key across attempts, and the vendor acted on exactly one request: the
 * others were refused before processing (a `before` fault) or answered from its
 * idempotency cache.
 */
export function expectAppliedOnce(ctx: HarnessContext, phase: "before" | "after", keys = true): void {
  expectOneIdempotencyKey(ctx, keys);
  const actedOn = mutating(ctx.requests).filter(
    (request) => !request.replayed && (request.fault === undefined || phase === "after"),
  );
  expect(actedOn.length, "requests the vendor acted on").toBe(1);
}

export function faultScenarios(scenario: Scenario): void {
  const { harness, capabilities: caps } = scenario;
  const aliceIds = () =>
    idsOf(scenario.world().invoices.filter((invoice) => invoice.customerId === ALICE && invoice.status !== "pending"));
  const mode: CancelMode = caps.cancelModes.includes("now") ? "now" : "period_end";
  const subscriptionId = SUBSCRIPTIONS.aliceMain;
  const periodEnd = () => scenario.world().subscriptions.find((s) => s.id === subscriptionId)!.currentPeriodEnd;
  const cancel = (ctx: HarnessContext) => ctx.provider.cancel({ customerId: ALICE, subscriptionId, when: mode });
  const keys = harness.manifest.idempotencyKeys ?? true;
  const pageSize = harness.manifest.pageSize ?? MAX_PAGE_SIZE;
  // Four and a half pages: the third of five fails.
  const fivePages = Math.floor(pageSize * 4.5);

  describe("faults: safe calls", () => {
    it.each(TRANSIENT_FAULTS)("listInvoices recovers from %s", async (_, fault) => {
      const ctx = await scenario.open(scenario.world());
      ctx.inject({ operation: "listInvoices", fault });
      const page = await ctx.provider.listInvoices({ customerId: ALICE });
      expect(idsOf(page.data)).toEqual(aliceIds());
      expect(ctx.requests.length, "requests: the failed one and its retry").toBe(2);
    });

    it.each(TRANSIENT_FAULTS)(
      "listInvoices facing %s on every attempt stops after maxAttempts with a typed, retryable error",
      async (_, fault, code) => {
        const ctx = await scenario.open(scenario.world());
        ctx.inject({ operation: "listInvoices", fault, times: maxAttempts });
        await expectPortalError(() => ctx.provider.listInvoices({ customerId: ALICE }), { code, retryable: true });
        expect(ctx.requests.length, "requests: every attempt, and no more").toBe(maxAttempts);
      },
    );

    it("HTTP 429 with a Retry-After within the retry bound is waited out", async () => {
      const ctx = await scenario.open(scenario.world(), {
        retry: { ...CONFORMANCE_SETUP.retry, maxDelayMs: 5_000 },
      });
      ctx.inject({ operation: "listInvoices", fault: { type: "status", status: 429, retryAfter: 1 } });
      const page = await ctx.provider.listInvoices({ customerId: ALICE });
      expect(idsOf(page.data)).toEqual(aliceIds());
      expect(ctx.requests.length).toBe(2);
    });

    it("HTTP 429 with a Retry-After beyond the retry bound fails at once, rate_limited and retryable", async () => {
      const ctx = await scenario.open(scenario.world());
      ctx.inject({ operation: "listInvoices", fault: { type: "status", status: 429, retryAfter: 30 }, times: 5 });
      const error = await expectPortalError(() => ctx.provider.listInvoices({ customerId: ALICE }), {
        code: "rate_limited",
        retryable: true,
      });
      expect(ctx.requests.length, "no retry before the vendor's Retry-After").toBe(1);
      if (error.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(30_000);
    });

    it("a failure on page 3 of 5 is retried, and the walk loses and repeats nothing", async () => {
      const world = invoiceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses, count: fivePages });
      const ctx = await scenario.open(world);
      ctx.inject({ operation: "listInvoices", fault: { type: "status", status: 503 }, skip: 2 });
      const listed: Invoice[] = [];
      let cursor: string | undefined;
      do {
        const page = await ctx.provider.listInvoices({ customerId: ALICE, limit: 100, ...(cursor ? { cursor } : {}) });
        listed.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor !== undefined && listed.length <= fivePages);
      expect(idsOf(listed)).toEqual(idsOf(world.invoices.filter((invoice) => invoice.customerId === ALICE)));
      expect(ctx.requests.length, "five pages and one retry").toBe(6);
    });

    it("when page 3 of 5 fails past the retry bound, the walk resumes from its cursor and loses nothing", async () => {
      const world = invoiceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses, count: fivePages });
      const ctx = await scenario.open(world);
      ctx.inject({ operation: "listInvoices", fault: { type: "reset" }, skip: 2, times: maxAttempts });
      const listed: Invoice[] = [];
      const failures: unknown[] = [];
      let cursor: string | undefined;
      for (let calls = 0; calls < 10; calls++) {
        let page: Awaited<ReturnType<typeof ctx.provider.listInvoices>>;
        try {
          page = await ctx.provider.listInvoices({ customerId: ALICE, limit: 100, ...(cursor ? { cursor } : {}) });
        } catch (error) {
          failures.push(error);
          continue;
        }
        listed.push(...page.data);
        cursor = page.nextCursor;
        if (cursor === undefined) break;
      }
      expect(failures).toHaveLength(1);
      expect(PortalError.isInstance(failures[0]) && failures[0].retryable, "a typed, retryable error").toBe(true);
      expect(idsOf(listed)).toEqual(idsOf(world.invoices.filter((invoice) => invoice.customerId === ALICE)));
    });

    it("createSession recovers from HTTP 503", async () => {
      const ctx = await scenario.open(scenario.world());
      ctx.inject({ operation: "createSession", fault: { type: "status", status: 503 } });
      const session = await ctx.provider.createSession({ customerId: ALICE });
      expect(session.customerId).toBe(ALICE);
    });

    it.skipIf(!caps.getSubscription)("getSubscription recovers from a connection reset", async () => {
      const ctx = await scenario.open(scenario.world());
      ctx.inject({ operation: "getSubscription", fault: { type: "reset" } });
      const subscription = await ctx.provider.getSubscription!({ customerId: ALICE, subscriptionId });
      expect(subscription.status).toBe("active");
    });
  });

  describe(`faults: a mutation (cancel, ${mode})`, () => {
    it.each([
      ["HTTP 500", { type: "status", status: 500 }],
      ["a connection reset", { type: "reset" }],
    ] as const)(
      "whose answer is lost to %s is retried under one idempotency key and applied once",
      async (_, fault) => {
        const ctx = await scenario.open(scenario.world());
        ctx.inject({ operation: "cancel", fault, phase: "after" });
        const answer = SubscriptionSchema.parse(await cancel(ctx));
        expectCancelled(mode, answer, await ctx.readSubscription(subscriptionId), periodEnd());
        expectAppliedOnce(ctx, "after", keys);
      },
    );

    it("refused with HTTP 503 is retried under the same idempotency key and applied once", async () => {
      const ctx = await scenario.open(scenario.world());
      ctx.inject({ operation: "cancel", fault: { type: "status", status: 503 } });
      const answer = SubscriptionSchema.parse(await cancel(ctx));
      expectCancelled(mode, answer, await ctx.readSubscription(subscriptionId), periodEnd());
      expect(mutating(ctx.requests).length, "the refused request and its retry").toBe(2);
      expectAppliedOnce(ctx, "before", keys);
    });

    it("refused on every attempt fails typed and retryable, and the vendor is unchanged", async () => {
      const ctx = await scenario.open(scenario.world());
      ctx.inject({ operation: "cancel", fault: { type: "status", status: 503 }, times: maxAttempts });
      await expectPortalError(() => cancel(ctx), { code: "unavailable", retryable: true });
      expect(mutating(ctx.requests).length).toBeLessThanOrEqual(maxAttempts);
      expectOneIdempotencyKey(ctx, keys);
      expect((await ctx.readSubscription(subscriptionId))?.status).toBe("active");
    });

    if (keys)
      it("whose answer is lost on every attempt fails retryable; calling again finds it applied once", async () => {
        const ctx = await scenario.open(scenario.world());
        ctx.inject({ operation: "cancel", fault: { type: "status", status: 500 }, phase: "after", times: maxAttempts });
        await expectPortalError(() => cancel(ctx), { code: "unavailable", retryable: true });
        expectAppliedOnce(ctx, "after", keys);
        const requestsBefore = mutating(ctx.requests).length;
        const answer = SubscriptionSchema.parse(await cancel(ctx));
        expectCancelled(mode, answer, await ctx.readSubscription(subscriptionId), periodEnd());
        expect(mutating(ctx.requests).length, "no second cancellation is sent").toBe(requestsBefore);
      });

    // Without idempotency keys, a retry reads the state before sending again: the first
    // retry finds the cancellation Paddle-style vendors applied, and nothing is sent twice.
    if (!keys)
      it("whose answer is lost on every attempt is found applied by the next attempt, sent once", async () => {
        const ctx = await scenario.open(scenario.world());
        ctx.inject({ operation: "cancel", fault: { type: "status", status: 500 }, phase: "after", times: maxAttempts });
        const answer = SubscriptionSchema.parse(await cancel(ctx));
        expectCancelled(mode, answer, await ctx.readSubscription(subscriptionId), periodEnd());
        expect(mutating(ctx.requests).length, "one cancellation is sent").toBe(1);
      });
  });
}
