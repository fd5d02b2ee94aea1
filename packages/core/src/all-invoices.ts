import { PortalError } from "./errors";
import type { ListInvoicesInput } from "./inputs";
import type { PortalProvider } from "./provider";
import type { Invoice, Page } from "./schemas";
import { walkItems } from "./walk-items";
import { listingPages } from "./walk-registry";

export type AllInvoicesInput = Omit<ListInvoicesInput, "cursor">;

/**
 * Every page of a customer's invoices, one request a page. Pages are not kept, so
 * memory stays flat however many invoices there are.
 */
export async function* invoicePages(
  provider: Pick<PortalProvider, "listInvoices"> & { readonly id?: string },
  input: AllInvoicesInput,
): AsyncGenerator<Page<Invoice>, void, undefined> {
  let cursor: string | undefined;
  do {
    const page: Page<Invoice> = await provider.listInvoices(
      cursor === undefined ? { limit: 100, ...input } : { limit: 100, ...input, cursor },
    );
    yield page;
    if (page.nextCursor !== undefined && page.nextCursor === cursor) {
      throw new PortalError({
        code: "unavailable",
        provider: provider.id ?? "portalkit",
        retryable: false,
        message: "The provider answered the same cursor again; the walk stopped rather than loop",
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== undefined);
}

/**
 * Every invoice of a customer, newest first, walking the pages one request at a time:
 * nothing is requested before the first `next()`, one request a page, the walk ends with a
 * typed error when the provider answers the same cursor again, and `return()` or `break`
 * stops requesting.
 */
export function allInvoices(
  provider: Pick<PortalProvider, "listInvoices"> & { readonly id?: string },
  input: AllInvoicesInput,
): AsyncGenerator<Invoice, void, undefined> {
  return walkItems(
    provider.id,
    listingPages(
      () => provider.listInvoices,
      (page) => provider.listInvoices(page),
      input,
    ),
  );
}
