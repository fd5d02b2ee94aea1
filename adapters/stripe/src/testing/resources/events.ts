import type { RouteSpec } from "@portalkit/core/testing";
import type { StripeStore } from "../simulator";
import { resourceMissing, stripeJson } from "../wire";
import { EXPAND } from "./params";

/** `/v1/events/:id`: an event as it was delivered. */
export function eventRoutes(store: StripeStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/v1/events/:id",
      params: EXPAND,
      handle: ({ pathParams: { id = "" } }) => {
        const event = store.events.get(id);
        return event ? stripeJson(200, event) : resourceMissing("event", id);
      },
    },
  ];
}
