import type { Paddle } from "@paddle/paddle-node-sdk";

/** What a list reads of an SDK collection: its public `next()` and `hasMore`. */
export interface PageCollection<T> {
  next(): Promise<T[]>;
  hasMore: boolean;
}

interface Held {
  readonly customerId: string;
  readonly query: string;
  readonly collection: PageCollection<unknown>;
}

/** How many held collections a client keeps: a walk needs only its latest. */
const HELD_PER_CLIENT = 64;

/** Per SDK client (so per API key): the collections that can read the page a cursor names. */
const HELD = new WeakMap<Paddle, Map<string, Held>>();

/**
 * The SDK's own (private) fields behind `next()`: the link it follows is only read, and the
 * page it kept is only let go of; each is used only when it is what is expected, so an SDK
 * that keeps them otherwise is held nothing and every page builds its query.
 */
interface CollectionState {
  nextLink?: unknown;
  data?: unknown;
}

/**
 * Whether `collection`, which has just read a page, can read the next one: its next link is
 * on this client's base URL and on the same list (`prefix`, as
 * `https://api.paddle.com/transactions?`). The SDK sends its API key wherever the link
 * points, so a collection whose link is elsewhere is not used again. One that is lets go of
 * the page it read: its SDK objects are the caller's now.
 */
export function followsList(collection: PageCollection<unknown>, prefix: string): boolean {
  const state = collection as unknown as CollectionState;
  if (typeof state.nextLink !== "string" || !state.nextLink.startsWith(prefix)) return false;
  if (Array.isArray(state.data)) state.data = [];
  return true;
}

/**
 * Keeps `collection`, which has just read the page before `cursor`, so that the call for the
 * next page can take it rather than build the same query again (the SDK follows
 * `meta.pagination.next` as its own iterator does). It is kept only when it `followsList`.
 */
export function holdPage(
  client: Paddle,
  cursor: string,
  customerId: string,
  query: string,
  prefix: string,
  collection: PageCollection<unknown>,
): void {
  if (!followsList(collection, prefix)) return;
  let held = HELD.get(client);
  if (held === undefined) {
    held = new Map();
    HELD.set(client, held);
  }
  if (held.size >= HELD_PER_CLIENT) {
    // The oldest goes first (a Map keeps insertion order); a walk only loses its shortcut.
    const oldest = held.keys().next();
    if (!oldest.done) held.delete(oldest.value);
  }
  held.set(cursor, { customerId, query, collection });
}

/**
 * The collection held for `cursor`, once: for the same customer and the same query (the
 * list's filters and page size) only. Anything else, or a cursor used again, is undefined
 * and the caller builds the query as before.
 */
export function takePage<T>(
  client: Paddle,
  cursor: string,
  customerId: string,
  query: string,
): PageCollection<T> | undefined {
  const held = HELD.get(client);
  const entry = held?.get(cursor);
  if (entry === undefined) return undefined;
  held?.delete(cursor);
  if (entry.customerId !== customerId || entry.query !== query) return undefined;
  return entry.collection as PageCollection<T>;
}
