import { type BillingEvent, claims, PortalError, type PortalProvider } from "@portalkit/core";
import { readBodyText } from "./read-body";
import { type ErrorBody, errorResponse, json, methodNotAllowed } from "./respond";

/** The default limit of a webhook body: 1 MiB (vendors' events are a few kilobytes). */
export const DEFAULT_MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface WebhookHandlerOptions {
  /**
   * Called once per verified event. Vendors deliver late, twice and out of order: keep the
   * event's `id` to skip a duplicate, and treat the event as a trigger to re-read the current
   * state (`getSubscription`) rather than as the state itself. Throwing answers 500, so
   * that the vendor delivers the event again.
   */
  onEvent: (event: BillingEvent, request: Request) => void | Promise<void>;
  /** The most bytes a body may hold, counted while it is read; past it: 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Called with every error before it is answered (for logging); never changes the answer. */
  onError?: (error: unknown, request: Request) => void;
}

export type WebhookHandler = (request: Request) => Promise<Response>;

/**
 * A fetch-standard webhook endpoint for one provider: reads the raw body (bounded while
 * read), has the provider verify and normalize it (`parseWebhook`), then hands the event
 * to `onEvent`. Answers 200 once `onEvent` resolved, 401 for a delivery that fails
 * verification, 400 for a body that cannot be read as an event, 413 past `maxBodyBytes`,
 * and 500 when `onEvent` throws. Mount one per vendor; a router's providers can share one
 * `onEvent`.
 */
export function createWebhookHandler(provider: PortalProvider, options: WebhookHandlerOptions): WebhookHandler {
  const parseWebhook = provider.parseWebhook;
  if (!claims(provider.capabilities, "parseWebhook") || typeof parseWebhook !== "function") {
    throw new PortalError({
      code: "unsupported",
      provider: provider.id,
      message: `The ${provider.id} provider does not parse webhooks`,
    });
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_WEBHOOK_BYTES;
  const report = (error: unknown, request: Request) => {
    try {
      options.onError?.(error, request);
    } catch {
      // A failing logger must not change the answer.
    }
  };

  return async (request) => {
    if (request.method !== "POST") return methodNotAllowed(request.method, ["POST"]);
    let event: BillingEvent;
    try {
      const body = await readBodyText(request, maxBodyBytes, provider.id);
      event = await parseWebhook.call(provider, { body, headers: request.headers });
    } catch (error) {
      report(error, request);
      return errorResponse(error);
    }
    try {
      await options.onEvent(event, request);
    } catch (error) {
      report(error, request);
      const body: ErrorBody = { error: { code: "internal", message: "The event was not handled" } };
      return json(500, body);
    }
    return json(200, { received: true });
  };
}
