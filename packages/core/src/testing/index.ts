export { type FormObject, type FormValue, flattenForm, parseForm, splitFormName } from "./form";
export { type FetchHandler, type LoopbackServer, type ServeOptions, serveOnLoopback } from "./serve";
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
  emptyWorld,
  type InvoiceSeriesOptions,
  invoiceSeries,
  type World,
  type WorldCustomer,
  type WorldInvoice,
  type WorldSubscription,
  type WorldSubscriptionStatus,
} from "./world";
