import { createSortedCollection, type SortedCollection, type SortedCollectionOptions } from "./sorted-collection";

/**
 * Where an object sorts in a vendor's newest-first listing: by a time (`at`, seconds),
 * then, for vendors that break ties by creation order, the later created (`seq`), then by
 * id, descending.
 */
export interface NewestFirstKey {
  at: number;
  seq?: number;
  id: string;
}

/** Newest first: the later `at`, then the higher `seq`, then the greater id. A total order. */
export function compareNewestFirst(a: NewestFirstKey, b: NewestFirstKey): number {
  return b.at - a.at || (b.seq ?? 0) - (a.seq ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export interface NewestFirstOptions<T> {
  id(item: T): string;
  /** The time the vendor lists by, in seconds (creation, or an invoice's date). */
  at(item: T): number;
  /** Break ties on `at` by creation order (the order ids were first put), as Stripe does. */
  creationOrder?: boolean;
  partitions?: SortedCollectionOptions<T, NewestFirstKey>["partitions"];
}

/** A sorted collection that lists newest first, the order every simulated vendor lists in. */
export function createNewestFirstCollection<T>(options: NewestFirstOptions<T>): SortedCollection<T, NewestFirstKey> {
  const { id, at, creationOrder, partitions } = options;
  return createSortedCollection<T, NewestFirstKey>({
    id,
    key: creationOrder
      ? (item, seq) => ({ at: at(item), seq, id: id(item) })
      : (item) => ({ at: at(item), id: id(item) }),
    compare: compareNewestFirst,
    ...(partitions ? { partitions } : {}),
  });
}
