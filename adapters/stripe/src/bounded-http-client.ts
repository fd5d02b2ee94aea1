import type { IncomingMessage } from "node:http";
import { DEFAULT_MAX_RESPONSE_BYTES, declaresMoreThan, readBounded } from "@portalkit/core/adapter";
import Stripe from "stripe";

type HttpClient = ReturnType<typeof Stripe.createNodeHttpClient>;

const CLOSED = new Set(["ECONNRESET", "EPIPE"]);

type HttpResponse = Awaited<ReturnType<HttpClient["makeRequest"]>>;

/**
 * The SDK's `toJSON` reads the whole body, however long. This one reads it bounded (a
 * declared Content-Length over the limit is refused before reading; past the limit the
 * response is destroyed, which closes its socket). A failure while reading is reported as
 * the SDK's own body error, which it turns into a StripeConnectionError; past the limit,
 * a BodyOverLimit rides inside it, which `toPortalError` answers with the limit's error.
 *
 * A body that is JSON but not an object (`null`, `5`) makes the SDK throw inside a promise
 * chain nobody awaits: an unhandled rejection, and a call that never settles. Such a body
 * is reported as unreadable instead, which the SDK turns into a StripeAPIError.
 */
/** A response body over its limit; the provider's PortalError is made by `toPortalError`. */
class BodyOverLimit extends Error {
  constructor(readonly maxBytes: number) {
    super(`The response body is over the ${maxBytes}-byte limit`);
  }
}

/** The limit a StripeConnectionError's body was over, if that is what it reports. */
export function bodyOverLimit(error: unknown): number | undefined {
  const detail = (error as { detail?: unknown } | null)?.detail;
  const exception = (detail as { exception?: unknown } | null | undefined)?.exception;
  return exception instanceof BodyOverLimit ? exception.maxBytes : undefined;
}

function boundedObjectBody(response: HttpResponse, maxBytes: number): HttpResponse {
  // Shadowed on the response itself: wrapping it with Object.create would make every
  // response a prototype, which V8 reshapes on each request.
  response.toJSON = () => readObjectBody(response.getRawResponse() as IncomingMessage, maxBytes);
  return response;
}

const decoder = new TextDecoder();

async function readObjectBody(raw: IncomingMessage, maxBytes: number): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    const tooLarge = () => new BodyOverLimit(maxBytes);
    if (declaresMoreThan(raw.headers["content-length"], maxBytes)) {
      raw.destroy();
      throw tooLarge();
    }
    bytes = await readBounded(raw, maxBytes, tooLarge);
  } catch (error) {
    throw Stripe.HttpClient.makeResponseBodyError(error);
  }
  const body: unknown = JSON.parse(decoder.decode(bytes));
  if (typeof body !== "object" || body === null) throw new SyntaxError("The response body is not a JSON object");
  return body;
}

/**
 * stripe-node's Node transport, with its response bodies bounded (`maxResponseBytes`, see
 * above) and a dropped connection reported rather than retried. The SDK resends such a
 * request once even with `maxNetworkRetries: 0`; portalkit retries it itself, inside its
 * bounds and under the same idempotency key.
 */
export function createBoundedHttpClient(maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES): HttpClient {
  const inner = Stripe.createNodeHttpClient();
  return {
    getClientName: () => inner.getClientName(),
    makeRequest: (...args: Parameters<HttpClient["makeRequest"]>) =>
      inner.makeRequest(...args).then(
        (response) => boundedObjectBody(response, maxResponseBytes),
        (error: unknown) => {
          const code = (error as { code?: unknown } | null)?.code;
          if (typeof code !== "string" || !CLOSED.has(code)) throw error;
          const reported = new Error(error instanceof Error ? error.message : "connection closed");
          Object.assign(reported, { code: `${code}_REPORTED` });
          throw reported;
        },
      ),
  };
}
