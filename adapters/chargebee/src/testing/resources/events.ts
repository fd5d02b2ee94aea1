import type { RouteSpec } from "@portalkit/core/testing";
import type { ChargebeeStore } from "../simulator";
import { chargebeeReadRoute } from "../wire";

/** `/events/:id`: an event as it was delivered (what `verify: "refetch"` reads back). */
export function eventRoutes(store: ChargebeeStore): RouteSpec[] {
  return [chargebeeReadRoute("/api/v2/events/:id", "event", (id) => store.events.get(id))];
}
