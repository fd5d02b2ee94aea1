import { PortalError } from "./errors";
import type { ListInvoicesInput } from "./inputs";
import type { PortalProvider } from "./provider";
import type { Invoice, Page } from "./schemas";

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
 * Every invoice of a customer, newest first, walking the pages one request at a time.
 *
 * Written out as an iterator rather than an async generator: a generator costs a promise
 * and a resumption per invoice, this hands out a page's invoices from an array and awaits
 * only when it fetches the next page. Behaves as the generator did: nothing is requested
 * before the first `next()`, one request a page, the walk ends with a typed error when the
 * provider answers the same cursor again, and `return()` or `break` stops requesting.
 */
export function allInvoices(
  provider: Pick<PortalProvider, "listInvoices"> & { readonly id?: string },
  input: AllInvoicesInput,
): AsyncGenerator<Invoice, void, undefined> {
  let data: readonly Invoice[] = [];
  let index = 0;
  let cursor: string | undefined;
  let nextCursor: string | undefined;
  let started = false;
  let finished = false;
  // Calls to next() made before an earlier one settled run after it, in order, as with a generator.
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const finish = (): IteratorResult<Invoice, void> => {
    finished = true;
    data = [];
    return { value: undefined, done: true };
  };

  const pull = async (): Promise<IteratorResult<Invoice, void>> => {
    for (;;) {
      if (finished) return { value: undefined, done: true };
      if (index < data.length) return { value: data[index++] as Invoice, done: false };
      if (started) {
        if (nextCursor === undefined) return finish();
        if (nextCursor === cursor) {
          finish();
          throw new PortalError({
            code: "unavailable",
            provider: provider.id ?? "portalkit",
            retryable: false,
            message: "The provider answered the same cursor again; the walk stopped rather than loop",
          });
        }
        cursor = nextCursor;
      }
      started = true;
      let page: Page<Invoice>;
      try {
        page = await provider.listInvoices(
          cursor === undefined ? { limit: 100, ...input } : { limit: 100, ...input, cursor },
        );
      } catch (error) {
        finish();
        throw error;
      }
      if (finished) return { value: undefined, done: true };
      data = page.data;
      index = 0;
      nextCursor = page.nextCursor;
    }
  };

  const enqueue = (step: () => Promise<IteratorResult<Invoice, void>>): Promise<IteratorResult<Invoice, void>> => {
    pending++;
    const run = queue.then(step).finally(() => {
      pending--;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const iterator: AsyncGenerator<Invoice, void, undefined> = {
    next(): Promise<IteratorResult<Invoice, void>> {
      // The common case, an invoice already in hand, settles without a queue or a page fetch.
      if (pending === 0 && index < data.length) {
        return Promise.resolve({ value: data[index++] as Invoice, done: false });
      }
      return enqueue(pull);
    },
    return(value?: void | PromiseLike<void>): Promise<IteratorResult<Invoice, void>> {
      return enqueue(async () => {
        finish();
        await value;
        return { value: undefined, done: true };
      });
    },
    throw(error?: unknown): Promise<IteratorResult<Invoice, void>> {
      return enqueue(async () => {
        finish();
        throw error;
      });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  const dispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
  if (dispose) {
    Object.defineProperty(iterator, dispose, {
      value: () => iterator.return(undefined).then(() => undefined),
    });
  }
  return iterator;
}
