import type { Page } from "./schemas";

/**
 * A walk's pages, read one after another: each call gets the `nextCursor` of the page
 * before (undefined for the first). For a walk of the adapter kit that value is the
 * adapter's own position (a vendor's last id, say), never shown to callers.
 */
export type WalkPages<T> = (cursor: string | undefined) => Promise<Page<T>>;

/**
 * The walks of the kit's list methods, by the method itself: `allInvoices` and
 * `allSubscriptions` given a provider whose method is one of these read its pages through
 * the adapter's walk (which keeps what the vendor's pagination needs between pages) rather
 * than through the method, cursor by cursor. A provider wrapped or built by hand has another
 * method and walks through it.
 */
const WALKS = new WeakMap<object, (input: object) => WalkPages<unknown>>();

export function registerWalk(method: object, walk: (input: object) => WalkPages<unknown>): void {
  WALKS.set(method, walk);
}

/**
 * The pages of a listing walked with `input` (a page size of 100 unless it names one):
 * through the kit's walk for `list` when it has one and the input starts at the first page,
 * otherwise through `call`, which makes the method's own call for the page at a cursor.
 * Which one is chosen at the first page, so nothing is read of the provider before it.
 */
export function listingPages<T, I extends object>(
  list: () => unknown,
  call: (input: I & { limit: number; cursor?: string }) => Promise<Page<T>>,
  input: I,
): WalkPages<T> {
  const paged: I & { limit: number } = { limit: 100, ...input };
  let pages: WalkPages<T> | undefined;
  return (cursor) => {
    if (pages === undefined) {
      const method = list();
      const walk =
        typeof method === "function" && (input as { cursor?: unknown }).cursor === undefined
          ? WALKS.get(method)
          : undefined;
      pages = walk ? (walk(paged) as WalkPages<T>) : (at) => call(at === undefined ? paged : { ...paged, cursor: at });
    }
    return pages(cursor);
  };
}
