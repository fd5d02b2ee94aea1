/** What a change to a collection reports to its listeners (webhook delivery hooks in here). */
export type CollectionChange<T> =
  | { type: "created"; item: T }
  | { type: "updated"; item: T; previous: T }
  | { type: "deleted"; item: T };

export interface SortedCollectionOptions<T, K> {
  id(item: T): string;
  /**
   * The item's sort key. `seq` is the order in which the id was first put (kept when the
   * item is replaced), for vendors that break ties by creation order.
   */
  key(item: T, seq: number): K;
  /** Negative when `a` lists first. Must be a total order: break ties by id. */
  compare(a: K, b: K): number;
  /** Named secondary indexes (such as the customer an invoice belongs to), each kept in the same order. */
  partitions?: Readonly<Record<string, (item: T) => string | undefined>>;
}

export interface PageQuery<T, K> {
  /** List only the items of one partition: `[name, value]`, e.g. `["customer", "cus_1"]`. */
  partition?: readonly [name: string, value: string];
  /** Start after this key (exclusive), in the direction of travel. */
  after?: K;
  limit: number;
  /** Skip this many matching items first (for vendors that page by position). */
  offset?: number;
  /** `forward` (default) lists in the collection's order, `reverse` against it. */
  direction?: "forward" | "reverse";
  filter?: (item: T) => boolean;
}

export interface Page<T> {
  items: T[];
  /** True when at least one more item passes the filter beyond this page. */
  hasMore: boolean;
}

export interface SortedCollection<T, K> {
  readonly size: number;
  get(id: string): T | undefined;
  has(id: string): boolean;
  /** The key the item sorts by (undefined for an unknown id). */
  keyOf(id: string): K | undefined;
  /** Adds or replaces an item; the order is kept without re-sorting the collection. */
  put(item: T): void;
  delete(id: string): boolean;
  clear(): void;
  /** Every item in order (for snapshots and small collections; pages use `page`). */
  values(): T[];
  /**
   * One page: a binary search to `after`, then a walk of at most `limit + 1` matching items
   * (plus any the filter skips), so a page costs the same however large the collection is.
   */
  page(query: PageQuery<T, K>): Page<T>;
  /** Listens to every put and delete; returns the unsubscribe function. */
  onChange(listener: (change: CollectionChange<T>) => void): () => void;
}

interface Entry<T, K> {
  item: T;
  key: K;
  seq: number;
  partitions: Array<[string, string]>;
}

/** A list kept in order; new entries wait in `pending` until the next read merges them. */
class OrderedList<T, K> {
  sorted: Array<Entry<T, K>> = [];
  pending: Array<Entry<T, K>> = [];

  constructor(private readonly compare: (a: K, b: K) => number) {}

  get length(): number {
    return this.sorted.length + this.pending.length;
  }

  add(entry: Entry<T, K>): void {
    this.pending.push(entry);
  }

  remove(entry: Entry<T, K>): void {
    const waiting = this.pending.indexOf(entry);
    if (waiting !== -1) {
      this.pending.splice(waiting, 1);
      return;
    }
    let index = this.lowerBound(entry.key);
    if (this.sorted[index] !== entry) index = this.sorted.indexOf(entry);
    if (index !== -1) this.sorted.splice(index, 1);
  }

  flush(): Array<Entry<T, K>> {
    if (this.pending.length === 0) return this.sorted;
    const byKey = (a: Entry<T, K>, b: Entry<T, K>) => this.compare(a.key, b.key);
    if (this.pending.length > 32) {
      // Many new entries (seeding): one merge of two sorted runs.
      this.pending.sort(byKey);
      const merged: Array<Entry<T, K>> = new Array(this.sorted.length + this.pending.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < this.sorted.length && j < this.pending.length) {
        const a = this.sorted[i] as Entry<T, K>;
        const b = this.pending[j] as Entry<T, K>;
        if (byKey(a, b) <= 0) {
          merged[k++] = a;
          i++;
        } else {
          merged[k++] = b;
          j++;
        }
      }
      while (i < this.sorted.length) merged[k++] = this.sorted[i++] as Entry<T, K>;
      while (j < this.pending.length) merged[k++] = this.pending[j++] as Entry<T, K>;
      this.sorted = merged;
    } else {
      for (const entry of this.pending) this.sorted.splice(this.upperBound(entry.key), 0, entry);
    }
    this.pending = [];
    return this.sorted;
  }

  /** First index whose key is not before `key`. */
  lowerBound(key: K): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare((this.sorted[mid] as Entry<T, K>).key, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose key is after `key`. */
  upperBound(key: K): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare((this.sorted[mid] as Entry<T, K>).key, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * A collection kept in a fixed order, overall and per partition, maintained as items come
 * and go: a put or delete touches only the lists the item is in, and a page is a binary
 * search plus the page itself. Simulators keep their listed resources in one.
 */
export function createSortedCollection<T, K>(options: SortedCollectionOptions<T, K>): SortedCollection<T, K> {
  const byId = new Map<string, Entry<T, K>>();
  const seqs = new Map<string, number>();
  const partitionNames = Object.keys(options.partitions ?? {});
  let all = new OrderedList<T, K>(options.compare);
  let partitions = new Map<string, OrderedList<T, K>>();
  const listeners = new Set<(change: CollectionChange<T>) => void>();
  let nextSeq = 0;

  const listKey = (name: string, value: string) => `${name}\u0000${value}`;

  function listsOf(entry: Entry<T, K>, create: boolean): Array<OrderedList<T, K>> {
    const lists = [all];
    for (const [name, value] of entry.partitions) {
      const key = listKey(name, value);
      let list = partitions.get(key);
      if (!list && create) {
        list = new OrderedList<T, K>(options.compare);
        partitions.set(key, list);
      }
      if (list) lists.push(list);
    }
    return lists;
  }

  function entryFor(item: T, seq: number): Entry<T, K> {
    const entryPartitions: Array<[string, string]> = [];
    for (const name of partitionNames) {
      const value = options.partitions?.[name]?.(item);
      if (value !== undefined) entryPartitions.push([name, value]);
    }
    return { item, key: options.key(item, seq), seq, partitions: entryPartitions };
  }

  function emit(change: CollectionChange<T>): void {
    for (const listener of listeners) listener(change);
  }

  return {
    get size() {
      return byId.size;
    },
    get: (id) => byId.get(id)?.item,
    has: (id) => byId.has(id),
    keyOf: (id) => byId.get(id)?.key,
    put(item) {
      const id = options.id(item);
      const previous = byId.get(id);
      let seq = seqs.get(id);
      if (seq === undefined) {
        seq = ++nextSeq;
        seqs.set(id, seq);
      }
      const entry = entryFor(item, seq);
      byId.set(id, entry);
      if (previous) {
        const samePlace =
          options.compare(previous.key, entry.key) === 0 &&
          previous.partitions.length === entry.partitions.length &&
          previous.partitions.every(([n, v], i) => entry.partitions[i]?.[0] === n && entry.partitions[i]?.[1] === v);
        if (samePlace) {
          // Same key, same partitions: swap the entry in place, no list changes length.
          for (const list of listsOf(previous, false)) {
            list.flush();
            let index = list.lowerBound(previous.key);
            if (list.sorted[index] !== previous) index = list.sorted.indexOf(previous);
            if (index !== -1) list.sorted[index] = entry;
          }
        } else {
          for (const list of listsOf(previous, false)) list.remove(previous);
          for (const list of listsOf(entry, true)) list.add(entry);
        }
        emit({ type: "updated", item, previous: previous.item });
        return;
      }
      for (const list of listsOf(entry, true)) list.add(entry);
      emit({ type: "created", item });
    },
    delete(id) {
      const entry = byId.get(id);
      if (!entry) return false;
      byId.delete(id);
      for (const list of listsOf(entry, false)) list.remove(entry);
      emit({ type: "deleted", item: entry.item });
      return true;
    },
    clear() {
      byId.clear();
      seqs.clear();
      all = new OrderedList<T, K>(options.compare);
      partitions = new Map();
    },
    values: () => all.flush().map((entry) => entry.item),
    page(query) {
      const list = query.partition ? partitions.get(listKey(query.partition[0], query.partition[1])) : all;
      if (!list || query.limit < 1) return { items: [], hasMore: false };
      const sorted = list.flush();
      const reverse = query.direction === "reverse";
      const step = reverse ? -1 : 1;
      let i: number;
      if (query.after === undefined) i = reverse ? sorted.length - 1 : 0;
      else i = reverse ? list.lowerBound(query.after) - 1 : list.upperBound(query.after);
      let skip = query.offset ?? 0;
      if (!query.filter && skip > 0) {
        i += step * skip;
        skip = 0;
      }
      const items: T[] = [];
      for (; i >= 0 && i < sorted.length; i += step) {
        const { item } = sorted[i] as Entry<T, K>;
        if (query.filter && !query.filter(item)) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        if (items.length === query.limit) return { items, hasMore: true };
        items.push(item);
      }
      return { items, hasMore: false };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
