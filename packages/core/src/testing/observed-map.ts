import type { CollectionChange } from "./sorted-collection";

/**
 * A Map of a simulator's records that reports changes, as a sorted collection does.
 * Route handlers change records in place; `commit()` (the simulator calls it after every
 * request) compares each record read since the last commit with its copy taken then and
 * reports those that differ, so no handler has to announce its changes.
 */
export class ObservedMap<T> extends Map<string, T> {
  readonly #listeners = new Set<(change: CollectionChange<T>) => void>();
  readonly #copies = new Map<string, string>();
  readonly #read = new Set<string>();

  override get(id: string): T | undefined {
    const item = super.get(id);
    if (item !== undefined) this.#read.add(id);
    return item;
  }

  override set(id: string, item: T): this {
    const previous = super.get(id);
    super.set(id, item);
    this.#read.delete(id);
    const copy = JSON.stringify(item);
    const before = this.#copies.get(id);
    this.#copies.set(id, copy);
    if (previous === undefined) this.#emit({ type: "created", item });
    else if (before !== copy) this.#emit({ type: "updated", item, previous: JSON.parse(before ?? "null") as T });
    return this;
  }

  override delete(id: string): boolean {
    const item = super.get(id);
    const deleted = super.delete(id);
    this.#copies.delete(id);
    this.#read.delete(id);
    if (item !== undefined) this.#emit({ type: "deleted", item });
    return deleted;
  }

  override clear(): void {
    super.clear();
    this.#copies.clear();
    this.#read.clear();
  }

  /** Reports every record changed in place since it was last read. */
  commit(): void {
    const ids = [...this.#read];
    this.#read.clear();
    for (const id of ids) {
      const item = super.get(id);
      if (item === undefined) continue;
      const copy = JSON.stringify(item);
      const before = this.#copies.get(id);
      if (before === copy) continue;
      this.#copies.set(id, copy);
      if (before === undefined) this.#emit({ type: "created", item });
      else this.#emit({ type: "updated", item, previous: JSON.parse(before) as T });
    }
  }

  /** Listens to every change; returns the unsubscribe function. */
  onChange(listener: (change: CollectionChange<T>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: CollectionChange<T>): void {
    for (const listener of this.#listeners) listener(change);
  }
}
