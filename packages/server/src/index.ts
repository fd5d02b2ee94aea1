export { toNodeListener } from "@portalkit/core/node";
export { createPortalHandler, type PortalHandler, type PortalHandlerOptions } from "./create-portal-handler";
export type { ErrorBody } from "./respond";
export type { SessionBody, UrlSessionBody } from "./session-body";
