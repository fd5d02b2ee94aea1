export { type FormObject, type FormValue, flattenForm, parseForm, splitFormName } from "./form";
export {
  compareNewestFirst,
  createNewestFirstCollection,
  type NewestFirstKey,
  type NewestFirstOptions,
} from "./newest-first";
export { type ObservedCollection, observeCollection } from "./observed-collection";
export { ObservedMap } from "./observed-map";
export {
  type OversizedBodyOptions,
  type OversizedBodyServer,
  serveOversizedBody,
} from "./oversized-body";
export { hashParam, isCountryCode, type ParamSpec, paramSpecOf, stringParam, unknownParam } from "./param-spec";
export { portalRejection } from "./rejection";
export {
  createRouteTable,
  type ReadRouteOptions,
  type RouteMatch,
  type RouteRequest,
  type RouteSpec,
  type RouteTable,
  readRoute,
  withItem,
} from "./route-table";
export { type FetchHandler, type LoopbackServer, type ServeOptions, serveOnLoopback } from "./serve";
export {
  createSimulator,
  extendSimulator,
  type ParamErrorRule,
  retryAfterHeader,
  type SimAuth,
  type Simulator,
  type SimulatorOptions,
  type StatusErrorDetails,
  type VendorErrors,
  type VendorSimulator,
} from "./simulator";
export {
  createSimulatorKit,
  type Fault,
  type FaultRule,
  type RecordedRequest,
  type SimRequest,
  type SimRoute,
  type SimulatorKit,
  type SimulatorKitOptions,
} from "./simulator-kit";
export {
  type CollectionChange,
  createSortedCollection,
  type Page,
  type PageQuery,
  type SortedCollection,
  type SortedCollectionOptions,
} from "./sorted-collection";
export { createWebhookFeed, type WebhookFeed, type WebhookFeedOptions } from "./webhook-feed";
export {
  createWebhookOutbox,
  type SignedWebhook,
  type SignOptions,
  type WebhookDelivery,
  type WebhookFault,
  type WebhookOutbox,
  type WebhookOutboxOptions,
  type WebhookTarget,
} from "./webhook-outbox";
export {
  DEFAULT_WORLD_CARD,
  emptyWorld,
  type InvoiceSeriesOptions,
  invoiceSeries,
  type World,
  type WorldCard,
  type WorldCustomer,
  type WorldInvoice,
  type WorldSubscription,
  type WorldSubscriptionStatus,
  worldCard,
  worldSubscription,
} from "./world";
