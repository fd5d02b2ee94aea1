import { describe, expect, it } from "vitest";
import { createIdempotencyKey, PortalError, parseRetryAfter, withRetry } from "../src/index";

const rateLimited = (retryAfterMs?: number) =>
  new PortalError({
    code: "rate_limited",
    provider: "p",
    message: "slow down",
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

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
