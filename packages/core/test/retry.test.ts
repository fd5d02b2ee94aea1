import { describe, expect, it } from "vitest";
import { createIdempotencyKey, PortalError, parseRetryAfter, withRetry } from "../src/index";
import { rateLimited, recorder } from "./retry-support";

describe("withRetry", () => {
  it("retries retryable errors until success", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw rateLimited();
        return "ok";
      },
      { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 10_000 },
      { sleep, random: () => 1 },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it("answers an operation that throws before it returns a promise as one that rejects, first attempt or later", async () => {
    const { sleep } = recorder();
    const attempts: number[] = [];
    const result = await withRetry(
      ({ attempt }) => {
        attempts.push(attempt);
        if (attempt < 3) throw rateLimited();
        return Promise.resolve(attempt);
      },
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 100 },
      { sleep, random: () => 0 },
    );
    expect(result).toBe(3);
    expect(attempts).toEqual([1, 2, 3]);
    const refused = withRetry(() => {
      throw new PortalError({ code: "not_found", provider: "p", message: "gone" });
    });
    expect(refused).toBeInstanceOf(Promise);
    await expect(refused).rejects.toMatchObject({ code: "not_found" });
  });

  it("never retries an error that is not retryable", async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new PortalError({ code: "not_found", provider: "p", message: "gone" });
      }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(calls).toBe(1);
  });

  it("bounds the attempts and throws the last typed, retryable error", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw rateLimited();
      },
      { maxAttempts: 4, baseDelayMs: 10 },
      { sleep, random: () => 0.5 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(PortalError.isInstance(error) && error.retryable).toBe(true);
  });

  it("honours Retry-After and stops at once when it would exceed the total wait bound", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw rateLimited(calls === 1 ? 300 : 60_000);
        },
        { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 5_000 },
        { sleep, random: () => 0 },
      ),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(sleeps).toEqual([300]);
    expect(calls).toBe(2);
  });

  it("with maxAttempts 3 and maxDelayMs 50 always makes 3 attempts on a 429, shortening waits to the budget", async () => {
    for (const random of [() => 0, () => 0.2, () => 0.5, () => 0.999, Math.random]) {
      const { sleeps, sleep } = recorder();
      let calls = 0;
      const error = await withRetry(
        async () => {
          calls++;
          throw rateLimited();
        },
        { maxAttempts: 3, maxDelayMs: 50 },
        { sleep, random },
      ).catch((e: unknown) => e);
      expect(calls).toBe(3);
      expect(PortalError.isInstance(error) && error.code).toBe("rate_limited");
      expect(sleeps.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(50);
      expect(sleeps.every((ms) => ms >= 0)).toBe(true);
    }
    // Jitter near its top: the first step (up to 250 ms by default) is cut to the 50 ms left,
    // the second to the 0 ms then left, and the third attempt still happens.
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw rateLimited();
        return "ok";
      },
      { maxAttempts: 3, maxDelayMs: 50 },
      { sleep, random: () => 0.9 },
    );
    expect(result).toBe("ok");
    expect(sleeps).toEqual([50]);
  });

  it("the same options give the same number of attempts whatever the jitter", async () => {
    const attemptsFor = async (random: () => number) => {
      let calls = 0;
      await withRetry(
        async () => {
          calls++;
          throw rateLimited();
        },
        { maxAttempts: 5, maxDelayMs: 30, baseDelayMs: 20 },
        { sleep: async () => undefined, random },
      ).catch(() => undefined);
      return calls;
    };
    const counts = new Set<number>();
    for (let i = 0; i < 50; i++) counts.add(await attemptsFor(() => (i % 10) / 10));
    expect([...counts]).toEqual([5]);
  });

  it("stops at once with the vendor's error when Retry-After exceeds what is left of the budget", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw rateLimited(calls === 1 ? 30 : 40);
      },
      { maxAttempts: 3, maxDelayMs: 50 },
      { sleep, random: () => 0 },
    ).catch((e: unknown) => e);
    // 30 ms waited, 20 ms left; the second answer asks for 40 ms: no third attempt, no wait.
    expect(calls).toBe(2);
    expect(sleeps).toEqual([30]);
    expect(PortalError.isInstance(error) && [error.code, error.retryAfterMs]).toEqual(["rate_limited", 40]);

    let once = 0;
    await expect(
      withRetry(
        async () => {
          once++;
          throw rateLimited(51);
        },
        { maxAttempts: 3, maxDelayMs: 50 },
        { sleep, random: () => 0 },
      ),
    ).rejects.toMatchObject({ code: "rate_limited", retryAfterMs: 51 });
    expect(once).toBe(1);
  });

  it("passes the attempt number so a mutation can reuse one idempotency key", async () => {
    const key = createIdempotencyKey();
    const seen: Array<[number, string]> = [];
    await withRetry(
      async ({ attempt }) => {
        seen.push([attempt, key]);
        if (attempt === 1) throw rateLimited();
      },
      { baseDelayMs: 0 },
    );
    expect(seen).toEqual([
      [1, key],
      [2, key],
    ]);
    expect(createIdempotencyKey()).not.toBe(key);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.5")).toBe(500);
    const now = Date.parse("2026-11-21T08:00:00Z");
    expect(parseRetryAfter("Sat, 21 Nov 2026 08:00:03 GMT", now)).toBe(3000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
  });
});
