import Stripe from "stripe";

type HttpClient = ReturnType<typeof Stripe.createNodeHttpClient>;

const CLOSED = new Set(["ECONNRESET", "EPIPE"]);

type HttpResponse = Awaited<ReturnType<HttpClient["makeRequest"]>>;

/**
 * A body that is JSON but not an object (`null`, `5`) makes the SDK throw inside a promise
 * chain nobody awaits: an unhandled rejection, and a call that never settles. Such a body
 * is reported as unreadable instead, which the SDK turns into a StripeAPIError.
 */
function objectBodiesOnly(response: HttpResponse): HttpResponse {
  // Shadowed on the response itself: wrapping it with Object.create would make every
  // response a prototype, which V8 reshapes on each request.
  const toJSON = response.toJSON.bind(response);
  response.toJSON = () =>
    toJSON().then((body: unknown) => {
      if (typeof body !== "object" || body === null) throw new SyntaxError("The response body is not a JSON object");
      return body;
    });
  return response;
}

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
      inner.makeRequest(...args).then(objectBodiesOnly, (error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (typeof code !== "string" || !CLOSED.has(code)) throw error;
        const reported = new Error(error instanceof Error ? error.message : "connection closed");
        Object.assign(reported, { code: `${code}_REPORTED` });
        throw reported;
      }),
  };
}
