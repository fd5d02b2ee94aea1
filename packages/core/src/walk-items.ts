import { PortalError } from "./errors";
import type { Page } from "./schemas";
import type { WalkPages } from "./walk-registry";

const NO_ITEMS: readonly never[] = [];

/**
 * Every item of a paged listing, walking the pages one request at a time (`allInvoices`,
 * `allSubscriptions`).
 *
 * Written out as an iterator rather than an async generator: a generator costs a promise
 * and a resumption per item, this hands out a page's items from an array and awaits
 * only when it fetches the next page. Behaves as the generator did: nothing is requested
 * before the first `next()`, one request a page, the walk ends with a typed error when the
 * provider answers the same cursor again, and `return()` or `break` stops requesting.
 */
export function walkItems<T>(providerId: string | undefined, list: WalkPages<T>): AsyncGenerator<T, void, undefined> {
  let data: readonly T[] = [];
  let index = 0;
  let cursor: string | undefined;
  let nextCursor: string | undefined;
  let started = false;
  let finished = false;
  // Calls to next() made before an earlier one settled run after it, in order, as with a generator.
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;

  const finish = (): IteratorResult<T, void> => {
    finished = true;
    data = NO_ITEMS;
    return { value: undefined, done: true };
  };

  const pull = async (): Promise<IteratorResult<T, void>> => {
    for (;;) {
      if (finished) return { value: undefined, done: true };
      if (index < data.length) return { value: data[index++] as T, done: false };
      if (started) {
        if (nextCursor === undefined) return finish();
        if (nextCursor === cursor) {
          finish();
          throw new PortalError({
            code: "unavailable",
            provider: providerId ?? "portalkit",
            retryable: false,
            message: "The provider answered the same cursor again; the walk stopped rather than loop",
          });
        }
        cursor = nextCursor;
      }
      started = true;
      // The page read to its end is let go before the next one is fetched, not after.
      data = NO_ITEMS;
      let page: Page<T>;
      try {
        page = await list(cursor);
      } catch (error) {
        finish();
        throw error;
      }
      // No return() or throw() can have run meanwhile: they wait in the queue behind this pull.
      data = page.data;
      index = 0;
      nextCursor = page.nextCursor;
    }
  };

  const enqueue = (step: () => Promise<IteratorResult<T, void>>): Promise<IteratorResult<T, void>> => {
    pending++;
    const run = queue.then(step).finally(() => {
      pending--;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const iterator: AsyncGenerator<T, void, undefined> = {
    next(): Promise<IteratorResult<T, void>> {
      // The common case, an item already in hand, settles without a queue or a page fetch.
      if (pending === 0 && index < data.length) {
        return Promise.resolve({ value: data[index++] as T, done: false });
      }
      return enqueue(pull);
    },
    return(value?: void | PromiseLike<void>): Promise<IteratorResult<T, void>> {
      return enqueue(async () => {
        finish();
        await value;
        return { value: undefined, done: true };
      });
    },
    throw(error?: unknown): Promise<IteratorResult<T, void>> {
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
