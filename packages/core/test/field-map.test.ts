import { describe, expect, it } from "vitest";
import { fieldMap } from "../src/adapter";

interface Portable {
  postalCode?: string;
  city?: string;
  line1?: string;
}

interface Vendor {
  zip?: string;
  city?: string;
  street?: string;
}

const map = fieldMap<Portable, Vendor>([
  ["postalCode", "zip"],
  ["city", "city"],
  ["line1", "street"],
]);

describe("fieldMap", () => {
  it("copies every field given under the vendor's name, and only those", () => {
    expect(map.toVendor({ postalCode: "12345", city: "Springfield" })).toStrictEqual({
      zip: "12345",
      city: "Springfield",
    });
    expect(map.toVendor({ line1: "" })).toStrictEqual({ street: "" });
    // A field given as undefined is not sent as one (a form body would carry "undefined").
    expect(map.toVendor({ postalCode: undefined, city: "Springfield" })).toStrictEqual({ city: "Springfield" });
    expect(map.toVendor({})).toStrictEqual({});
  });

  it("reads back every field the vendor filled, an empty string being no value", () => {
    expect(map.fromVendor({ zip: "12345", street: "", city: "Springfield" })).toStrictEqual({
      postalCode: "12345",
      city: "Springfield",
    });
    expect(map.fromVendor({ zip: undefined, city: "Springfield" })).toStrictEqual({ city: "Springfield" });
    expect(map.fromVendor({})).toStrictEqual({});
  });
});
