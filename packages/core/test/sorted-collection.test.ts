import { describe, expect, it } from "vitest";
import { type CollectionChange, createSortedCollection } from "../src/testing";

interface Item {
  id: string;
  date: number;
  customer: string;
}

const collection = () =>
  createSortedCollection<Item, { date: number; id: string }>({
    id: (item) => item.id,
    key: (item) => ({ date: item.date, id: item.id }),
    // Newest first, then by id descending.
    compare: (a, b) => b.date - a.date || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    partitions: { customer: (item) => item.customer },
  });

function naive(items: Map<string, Item>, customer?: string): string[] {
  return [...items.values()]
    .filter((item) => customer === undefined || item.customer === customer)
    .sort((a, b) => b.date - a.date || (a.id < b.id ? 1 : -1))
    .map((item) => item.id);
}

function walk(c: ReturnType<typeof collection>, limit: number, customer?: string): string[] {
  const ids: string[] = [];
  let after: { date: number; id: string } | undefined;
  for (;;) {
    const page = c.page({
      limit,
      ...(after ? { after } : {}),
      ...(customer ? { partition: ["customer", customer] as const } : {}),
    });
    ids.push(...page.items.map((item) => item.id));
    const last = page.items.at(-1);
    if (!page.hasMore || !last) return ids;
    after = { date: last.date, id: last.id };
  }
}

describe("sorted collection", () => {
  it("keeps the order of a naive sort through puts, replacements and deletes", () => {
    const c = collection();
    const model = new Map<string, Item>();
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 3000; step++) {
      const id = `in_${rand(400)}`;
      const action = rand(10);
      if (action < 7) {
        const item = { id, date: rand(50), customer: `c${rand(3)}` };
        c.put(item);
        model.set(id, item);
      } else if (action < 9) {
        const existing = model.get(id);
        if (existing) {
          const item = { ...existing, date: rand(3) === 0 ? existing.date : rand(50) };
          c.put(item);
          model.set(id, item);
        }
      } else {
        expect(c.delete(id)).toBe(model.delete(id));
      }
      if (step % 97 === 0) {
        expect(walk(c, 7)).toEqual(naive(model));
        expect(walk(c, 5, "c1")).toEqual(naive(model, "c1"));
      }
    }
    expect(c.values().map((item) => item.id)).toEqual(naive(model));
    expect(walk(c, 13, "c2")).toEqual(naive(model, "c2"));
    expect(c.size).toBe(model.size);
  });

  it("pages in reverse, with filters, and reports whether more match", () => {
    const c = collection();
    for (let i = 0; i < 10; i++) c.put({ id: `in_${i}`, date: i, customer: i % 2 ? "odd" : "even" });
    expect(c.page({ limit: 3, direction: "reverse" }).items.map((i) => i.date)).toEqual([0, 1, 2]);
    expect(c.page({ limit: 2, direction: "reverse", after: { date: 2, id: "in_2" } }).items.map((i) => i.date)).toEqual(
      [3, 4],
    );
    const odd = c.page({ limit: 5, filter: (item) => item.customer === "odd" });
    expect(odd.items.map((i) => i.date)).toEqual([9, 7, 5, 3, 1]);
    expect(odd.hasMore).toBe(false);
    expect(c.page({ limit: 4, partition: ["customer", "odd"] }).hasMore).toBe(true);
    expect(c.page({ limit: 4, partition: ["customer", "none"] })).toEqual({ items: [], hasMore: false });
    expect(c.page({ limit: 2, offset: 3 }).items.map((i) => i.date)).toEqual([6, 5]);
    expect(
      c.page({ limit: 2, offset: 3, filter: (item) => item.customer === "even" }).items.map((i) => i.date),
    ).toEqual([2, 0]);
    expect(c.page({ limit: 2, offset: 20 })).toEqual({ items: [], hasMore: false });
  });

  it("tells listeners of every change", () => {
    const c = collection();
    const changes: Array<CollectionChange<Item>["type"]> = [];
    const stop = c.onChange((change) => changes.push(change.type));
    c.put({ id: "a", date: 1, customer: "x" });
    c.put({ id: "a", date: 2, customer: "x" });
    c.delete("a");
    stop();
    c.put({ id: "b", date: 1, customer: "x" });
    expect(changes).toEqual(["created", "updated", "deleted"]);
  });
});
