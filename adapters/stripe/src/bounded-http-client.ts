import Stripe from "stripe";

type HttpClient = ReturnType<typeof Stripe.createNodeHttpClient>;

const CLOSED = new Set(["ECONNRESET", "EPIPE"]);

/**
 * stripe-node's Node transport, except that a dropped connection is reported rather than
 * retried. The SDK resends such a request once even with `maxNetworkRetries: 0`; portalkit
 * retries it itself, inside its bounds and under the same idempotency key.
 */
export function createBoundedHttpClient(): HttpClient {
  const inner = Stripe.createNodeHttpClient();
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: (...args: Parameters<HttpClient["makeRequest"]>) =>
      inner.makeRequest(...args).catch((error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code !== "string" || !CLOSED.has(code)) throw error;
        const reported = new Error(error instanceof Error ? error.message : "connection closed");
        Object.assign(reported, { code: `${code}_REPORTED` });
        throw reported;
      }),
  };
}
