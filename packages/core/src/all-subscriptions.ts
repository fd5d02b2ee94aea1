import { PortalError } from "./errors";
import type { ListSubscriptionsInput } from "./inputs";
import type { PortalProvider } from "./provider";
import type { Subscription } from "./schemas";
import { walkItems } from "./walk-items";
import { listingPages } from "./walk-registry";

export type AllSubscriptionsInput = Omit<ListSubscriptionsInput, "cursor">;

type SubscriptionLister = { readonly id?: string; listSubscriptions?: PortalProvider["listSubscriptions"] };

/**
 * Every subscription of a customer, canceled ones included, newest first, one request a
 * page (as `allInvoices`). A provider without `listSubscriptions` rejects with `unsupported`
 * at the first `next()`.
 */
export function allSubscriptions(
  provider: SubscriptionLister,
  input: AllSubscriptionsInput,
): AsyncGenerator<Subscription, void, undefined> {
  return walkItems(
    provider.id,
    listingPages(
      () => provider.listSubscriptions,
      async (page: ListSubscriptionsInput) => {
        if (typeof provider.listSubscriptions !== "function") {
          throw new PortalError({
            code: "unsupported",
            provider: provider.id ?? "portalkit",
            message: "This provider cannot list subscriptions",
          });
        }
        return provider.listSubscriptions(page);
      },
      input,
    ),
  );
}
