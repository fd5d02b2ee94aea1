export { ManageBillingButton, type ManageBillingButtonProps } from "./manage-billing-button";
export type { PortalApiError, PortalApiErrorCode } from "./portal-api-error";
export {
  type PortalKitContext,
  PortalKitProvider,
  type PortalKitProviderProps,
  usePortalKit,
} from "./portal-kit-provider";
export type { LaunchTarget, PortalLaunchOptions } from "./types";
export { useCustomer } from "./use-customer";
export { type InvoicesQuery, useInvoices } from "./use-invoices";
export type { PagedResult } from "./use-pages";
export { type PortalLaunchFailure, type PortalLaunchState, usePortalLaunch } from "./use-portal-launch";
export type { ReadResult } from "./use-read";
export { type SubscriptionsQuery, useSubscriptions } from "./use-subscriptions";
