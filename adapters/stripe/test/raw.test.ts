import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { toRaw } from "../src/raw";

describe("toRaw: the vendor object as its JSON", () => {
  it("writes Decimals as their strings, at any depth, and leaves the input as it was", () => {
    const price = Stripe.Decimal.from("12.50");
    const input = { id: "in_1", lines: { data: [{ unit_amount_decimal: price, n: 1 }] }, tax: price };
    const raw = toRaw(input);
    expect(raw).toEqual({ id: "in_1", lines: { data: [{ unit_amount_decimal: "12.5", n: 1 }] }, tax: "12.5" });
    expect(JSON.stringify(raw)).toBe(JSON.stringify(input));
    expect(input.tax).toBe(price);
    expect(input.lines.data[0]?.unit_amount_decimal).toBe(price);
  });

  it("drops undefined and function fields, writes them as null in arrays, and keeps unchanged parts as they are", () => {
    const same = { a: 1 };
    const input = {
      gone: undefined,
      call: () => 1,
      list: [undefined, () => 1, 2, same],
      same,
      nested: { gone: undefined, kept: "x" },
    };
    const raw = toRaw(input);
    expect(raw).toEqual({ list: [null, null, 2, { a: 1 }], same: { a: 1 }, nested: { kept: "x" } });
    expect(Object.keys(raw)).toEqual(["list", "same", "nested"]);
    expect(Object.keys(raw.nested as object)).toEqual(["kept"]);
    expect(raw.same).toBe(same);
    expect(input.list).toHaveLength(4);
    expect(input.list[0]).toBeUndefined();
    expect("gone" in input.nested).toBe(true);
  });

  it("is a copy even when nothing changes, without the SDK's lastResponse", () => {
    const input = { id: "cus_1", tags: ["a"] };
    Object.defineProperty(input, "lastResponse", { enumerable: false, value: { requestId: "req_1" } });
    const raw = toRaw(input);
    expect(raw).not.toBe(input);
    expect(raw).toEqual({ id: "cus_1", tags: ["a"] });
    expect(raw.tags).toBe(input.tags);
    expect(Object.getOwnPropertyNames(raw)).not.toContain("lastResponse");
  });

  it("an object's toJSON decides what is written, nulls and numbers pass through", () => {
    const dated = { when: { toJSON: () => "2026-12-01" }, none: null, n: 0 };
    expect(toRaw(dated)).toEqual({ when: "2026-12-01", none: null, n: 0 });
  });
});
