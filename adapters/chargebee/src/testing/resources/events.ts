import type { RouteSpec } from "@portalkit/core/testing";
import { notFound } from "../error-response";
import type { ChargebeeStore } from "../simulator";
import { json } from "../wire";

/** `/events/:id`: an event as it was delivered (what `verify: "refetch"` reads back). */
export function eventRoutes(store: ChargebeeStore): RouteSpec[] {
  return [
    {
      method: "GET",
      path: "/api/v2/events/:id",
      params: {},
      handle: ({ pathParams: { id = "" } }) => {
        const event = store.events.get(id);
        return event ? json({ event }) : notFound(`event ${id}`);
      },
    },
  ];
}
