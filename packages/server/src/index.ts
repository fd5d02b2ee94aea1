export { toNodeListener } from "@portalkit/core/node";
export { createPortalHandler, type PortalHandler, type PortalHandlerOptions } from "./create-portal-handler";
export {
  createWebhookHandler,
  DEFAULT_MAX_WEBHOOK_BYTES,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from "./create-webhook-handler";
export type { ErrorBody } from "./respond";
export type { SessionBody, UrlSessionBody } from "./session-body";
