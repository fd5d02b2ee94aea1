import type { CollectionChange, SortedCollection } from "./sorted-collection";

/** A sorted collection that also reports records changed in place (see `commit`). */
export interface ObservedCollection<T, K> extends SortedCollection<T, K> {
  /** Reports every record changed in place since it was last read with `get`. */
  commit(): void;
}

/**
 * Wraps a sorted collection so that, like `ObservedMap`, a record read with `get` and then
 * changed in place is reported by `commit()` as an update (with the record as it was),
 * while listings keep the collection's order and pages. A `put` reports as before, its
 * `previous` being the record as last reported even when the same object was mutated.
 */
export function observeCollection<T, K>(
  collection: SortedCollection<T, K>,
  idOf: (item: T) => string,
): ObservedCollection<T, K> {
  const listeners = new Set<(change: CollectionChange<T>) => void>();
  const copies = new Map<string, string>();
  const read = new Set<string>();
  const emit = (change: CollectionChange<T>) => {
    for (const listener of listeners) listener(change);
  };
  collection.onChange((change) => {
    const id = idOf(change.item);
    read.delete(id);
    if (change.type === "deleted") {
      copies.delete(id);
      emit(change);
      return;
    }
    const copy = JSON.stringify(change.item);
    const before = copies.get(id);
    copies.set(id, copy);
    if (change.type === "created" || before === undefined) emit(change);
    else if (before !== copy) emit({ type: "updated", item: change.item, previous: JSON.parse(before) as T });
  });
  return {
    get size() {
      return collection.size;
    },
    get(id) {
      const item = collection.get(id);
      if (item !== undefined) read.add(id);
      return item;
    },
    has: (id) => collection.has(id),
    keyOf: (id) => collection.keyOf(id),
    put: (item) => collection.put(item),
    delete: (id) => collection.delete(id),
    clear() {
      collection.clear();
      copies.clear();
      read.clear();
    },
    values: () => collection.values(),
    page: (query) => collection.page(query),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    commit() {
      const ids = [...read];
      read.clear();
      for (const id of ids) {
        const item = collection.get(id);
        if (item === undefined) continue;
        const copy = JSON.stringify(item);
        const before = copies.get(id);
        if (before === copy) continue;
        copies.set(id, copy);
        if (before === undefined) emit({ type: "created", item });
        else emit({ type: "updated", item, previous: JSON.parse(before) as T });
      }
    },
  };
}
