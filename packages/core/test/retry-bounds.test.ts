import { afterEach, describe, expect, it, vi } from "vitest";
import {
  allInvoices,
  DEFAULT_RETRY,
  encodeCursor,
  invoicePages,
  PortalError,
  parseRetryAfter,
  RetryOptionsSchema,
  resolveRetryOptions,
  withRetry,
} from "../src/index";
import { rateLimited, recorder } from "./retry-support";

afterEach(() => {
  vi.useRealTimers();
});

describe("withRetry: the total-wait bound", () => {
  it("counts every wait against maxDelayMs: several 429s with Retry-After stop once the budget is spent", async () => {
    const { sleeps, sleep } = recorder();
    let calls = 0;
    const error = await withRetry(
      async () => {
        calls++;
        throw rateLimited(20);
      },
      { maxAttempts: 10, maxDelayMs: 50, baseDelayMs: 0 },
      { sleep, random: () => 0 },
    ).catch((e: unknown) => e);
    // 20 + 20 waited, 10 left: the third answer's 20 ms no longer fits.
    expect(sleeps).toEqual([20, 20]);
    expect(calls).toBe(3);
    expect(PortalError.isInstance(error) && error.code).toBe("rate_limited");
  });

  it("shortens backoff steps so that their sum never passes maxDelayMs", async () => {
    const { sleeps, sleep } = recorder();
    await withRetry(
      async () => {
        throw rateLimited();
      },
      { maxAttempts: 6, maxDelayMs: 50, baseDelayMs: 20 },
      { sleep, random: () => 1 },
    ).catch(() => undefined);
    // 20, then 40 cut to the 30 left, then nothing left to wait.
    expect(sleeps).toEqual([20, 30]);
  });

  it("keeps the caller's maxDelayMs rather than the default", async () => {
    expect(resolveRetryOptions({ maxDelayMs: 7 }).maxDelayMs).toBe(7);
    expect(resolveRetryOptions({ maxAttempts: 5 }).maxAttempts).toBe(5);
    expect(resolveRetryOptions({ baseDelayMs: 3 }).baseDelayMs).toBe(3);
    const { sleeps, sleep } = recorder();
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw rateLimited(8);
        },
        { maxDelayMs: 7 },
        { sleep, random: () => 0 },
      ),
    ).rejects.toMatchObject({ code: "rate_limited", retryAfterMs: 8 });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("clamps options it cannot use: attempts below one, fractional attempts, negative delays", () => {
    expect(resolveRetryOptions({ maxAttempts: 0, maxDelayMs: -5, baseDelayMs: -1 })).toEqual({
      maxAttempts: 1,
      maxDelayMs: 0,
      baseDelayMs: 0,
    });
    expect(resolveRetryOptions({ maxAttempts: 2.7 }).maxAttempts).toBe(2);
  });
});

describe("withRetry: onRetry", () => {
  it("is told of each retry: the attempt that failed, the wait before the next, and the error", async () => {
    const seen: unknown[] = [];
    const failure = rateLimited(30);
    await withRetry(
      async ({ attempt }) => {
        if (attempt === 1) throw failure;
      },
      { maxDelayMs: 100 },
      { sleep: async () => undefined, random: () => 0, onRetry: (info) => seen.push(info) },
    );
    expect(seen).toEqual([{ attempt: 1, delayMs: 30, error: failure }]);
  });
});

describe("withRetry: defaults, with nothing injected", () => {
  it("defaults to 3 attempts, 10 s of total wait and a 250 ms first step", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 3, maxDelayMs: 10_000, baseDelayMs: 250 });
    expect(resolveRetryOptions(undefined)).toEqual({ maxAttempts: 3, maxDelayMs: 10_000, baseDelayMs: 250 });
    expect(resolveRetryOptions({})).toEqual({ maxAttempts: 3, maxDelayMs: 10_000, baseDelayMs: 250 });
  });

  it("makes 3 attempts without options, and retries PortalError.isRetryable errors only", async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw rateLimited();
        },
        undefined,
        { sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(calls).toBe(3);

    let plain = 0;
    await expect(
      withRetry(
        async () => {
          plain++;
          throw new Error("not a PortalError");
        },
        undefined,
        { sleep: async () => undefined },
      ),
    ).rejects.toThrow("not a PortalError");
    expect(plain).toBe(1);
  });

  it("waits on a real timer by default: the next attempt starts only once the backoff has elapsed", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const done = withRetry(
      async () => {
        calls++;
        if (calls === 1) throw rateLimited();
        return "ok";
      },
      { baseDelayMs: 100 },
      { random: () => 1 },
    );
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2);
    await expect(done).resolves.toBe("ok");
  });

  it("jitters with Math.random by default", async () => {
    const random = vi.spyOn(Math, "random").mockReturnValue(0.5);
    const { sleeps, sleep } = recorder();
    await withRetry(
      async ({ attempt }) => {
        if (attempt === 1) throw rateLimited();
      },
      { baseDelayMs: 100 },
      { sleep },
    );
    expect(random).toHaveBeenCalled();
    expect(sleeps).toEqual([50]);
    random.mockRestore();
  });
});

describe("parseRetryAfter", () => {
  it("reads every digit of a multi-digit number of seconds", () => {
    expect(parseRetryAfter("120")).toBe(120_000);
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(parseRetryAfter(" 15 ")).toBe(15_000);
    expect(parseRetryAfter("1.25")).toBe(1_250);
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("   ")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it("reads a value that is neither seconds nor a date as no value, digits around it or not", () => {
    for (const value of ["x5", "5x", "5 s", "soon"]) expect(parseRetryAfter(value), value).toBeUndefined();
  });

  it("reads a date in the past as no wait at all", () => {
    const now = Date.parse("2026-11-21T08:00:10Z");
    expect(parseRetryAfter("Sat, 21 Nov 2026 08:00:00 GMT", now)).toBe(0);
  });
});

describe("RetryOptionsSchema", () => {
  it("takes one attempt or more, and zero or more milliseconds", () => {
    expect(RetryOptionsSchema.safeParse({ maxAttempts: 1, maxDelayMs: 0, baseDelayMs: 0 }).success).toBe(true);
    expect(RetryOptionsSchema.safeParse({}).success).toBe(true);
    expect(RetryOptionsSchema.safeParse({ maxAttempts: 0 }).success).toBe(false);
    expect(RetryOptionsSchema.safeParse({ maxAttempts: 1.5 }).success).toBe(false);
    expect(RetryOptionsSchema.safeParse({ maxDelayMs: -1 }).success).toBe(false);
    expect(RetryOptionsSchema.safeParse({ baseDelayMs: -1 }).success).toBe(false);
    expect(RetryOptionsSchema.safeParse({ maxAttempts: 3, retries: 2 }).success).toBe(false);
  });
});

describe("page walkers: a repeated cursor", () => {
  const stuck = {
    id: "stuck",
    listInvoices: async () => ({ data: [], nextCursor: encodeCursor("stuck", "c1", "same") }),
  };

  it("allInvoices ends with an error that is not retryable (trying again would loop again)", async () => {
    const error = await (async () => {
      for await (const _ of allInvoices(stuck, { customerId: "c1" })) void _;
    })().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && [error.code, error.retryable]).toEqual(["unavailable", false]);
  });

  it("invoicePages ends with an error that is not retryable", async () => {
    const error = await (async () => {
      for await (const _ of invoicePages(stuck, { customerId: "c1" })) void _;
    })().catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && [error.code, error.provider, error.retryable]).toEqual([
      "unavailable",
      "stuck",
      false,
    ]);
  });
});
