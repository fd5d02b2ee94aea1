import { describe, expect, it } from "vitest";
import { compareNewestFirst, createNewestFirstCollection } from "../src/testing";

interface Row {
  id: string;
  at: number;
  customer: string;
}

describe("createNewestFirstCollection", () => {
  it("lists the later time first, then the greater id, and pages after a key", () => {
    const rows = createNewestFirstCollection<Row>({
      id: (row) => row.id,
      at: (row) => row.at,
      partitions: { customer: (row) => row.customer },
    });
    for (const row of [
      { id: "b", at: 10, customer: "c1" },
      { id: "a", at: 10, customer: "c2" },
      { id: "c", at: 5, customer: "c1" },
      { id: "d", at: 20, customer: "c1" },
    ]) {
      rows.put(row);
    }
    expect(rows.values().map((row) => row.id)).toEqual(["d", "b", "a", "c"]);
    const first = rows.page({ limit: 2 });
    expect(first.items.map((row) => row.id)).toEqual(["d", "b"]);
    expect(first.hasMore).toBe(true);
    const after = rows.keyOf("b");
    expect(after).toEqual({ at: 10, id: "b" });
    expect(rows.page({ limit: 2, ...(after ? { after } : {}) }).items.map((row) => row.id)).toEqual(["a", "c"]);
    expect(rows.page({ limit: 5, partition: ["customer", "c1"] }).items.map((row) => row.id)).toEqual(["d", "b", "c"]);
  });

  it("breaks ties on time by creation order when asked, the later created first, kept across a replace", () => {
    const rows = createNewestFirstCollection<Row>({ id: (row) => row.id, at: (row) => row.at, creationOrder: true });
    rows.put({ id: "z", at: 1, customer: "c" });
    rows.put({ id: "a", at: 1, customer: "c" });
    rows.put({ id: "m", at: 1, customer: "c" });
    expect(rows.values().map((row) => row.id)).toEqual(["m", "a", "z"]);
    rows.put({ id: "z", at: 1, customer: "other" });
    expect(rows.values().map((row) => row.id)).toEqual(["m", "a", "z"]);
  });

  it("compareNewestFirst is a total order: zero only for the same key", () => {
    expect(compareNewestFirst({ at: 1, id: "a" }, { at: 1, id: "a" })).toBe(0);
    expect(compareNewestFirst({ at: 2, id: "a" }, { at: 1, id: "b" })).toBeLessThan(0);
    expect(compareNewestFirst({ at: 1, seq: 2, id: "a" }, { at: 1, seq: 1, id: "b" })).toBeLessThan(0);
    expect(compareNewestFirst({ at: 1, id: "a" }, { at: 1, id: "b" })).toBeGreaterThan(0);
  });
});
