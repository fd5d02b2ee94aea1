import type { RouteSpec } from "@portalkit/core/testing";
import type { StripeStore } from "../simulator";
import { stripeReadRoute } from "./params";

/** `/v1/events/:id`: an event as it was delivered. */
export function eventRoutes(store: StripeStore): RouteSpec[] {
  return [stripeReadRoute("/v1/events/:id", "event", (id) => store.events.get(id))];
}
