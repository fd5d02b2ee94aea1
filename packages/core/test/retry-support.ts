import { PortalError } from "../src/index";

/** A retryable 429, with the Retry-After the vendor sent (in milliseconds) when given. */
export const rateLimited = (retryAfterMs?: number) =>
  new PortalError({
    code: "rate_limited",
    provider: "p",
    message: "slow down",
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

/** A `sleep` for withRetry that returns at once and records every wait it was asked for. */
export function recorder() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}
