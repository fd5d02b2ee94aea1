import { createRouter, type PortalProvider, type PortalRouter } from "@portalkit/core";
import { readRouting } from "./mapping-files";

export interface RoutedPortalOptions {
  chargebee: PortalProvider;
  stripe: PortalProvider;
  /** The vendor some customers already bill on: rows naming `paddle` go there. */
  paddle?: PortalProvider;
  /** data/routing.csv */
  routingFile: string;
}

/**
 * The application's one PortalProvider during the migration: each call goes to the vendor
 * that holds the customer, as data/routing.csv says at the time of the call (so a customer
 * moves without a restart). A customer in no row is `not_found`.
 */
export function createRoutedPortal(options: RoutedPortalOptions): PortalRouter {
  return createRouter({
    providers: {
      chargebee: options.chargebee,
      stripe: options.stripe,
      ...(options.paddle ? { paddle: options.paddle } : {}),
    },
    // Read per call to keep the example short; an application would cache it briefly or
    // read a column of its accounts table.
    resolve: async (customerId) => (await readRouting(options.routingFile)).get(customerId),
  });
}
