import type { Subscription, SubscriptionStatus } from "@portalkit/core";
import { type PagedResult, usePages } from "./use-pages";

export interface SubscriptionsQuery {
  /** Only these statuses (canceled ones are listed too unless filtered out). */
  status?: readonly SubscriptionStatus[];
  /** Page size, 1 to 100. */
  limit?: number;
}

/** The signed-in customer's subscriptions, newest first, from `GET {basePath}/subscriptions`. */
export const useSubscriptions = (query?: SubscriptionsQuery): PagedResult<Subscription> =>
  usePages("/subscriptions", query);
