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
    expect(map.toVendor({ postalCode: "12345", city: "Springfield" })).toEqual({ zip: "12345", city: "Springfield" });
    expect(map.toVendor({ line1: "" })).toEqual({ street: "" });
    expect(map.toVendor({})).toEqual({});
  });

  it("reads back every field the vendor filled, an empty string being no value", () => {
    expect(map.fromVendor({ zip: "12345", street: "", city: "Springfield" })).toEqual({
      postalCode: "12345",
      city: "Springfield",
    });
    expect(map.fromVendor({})).toEqual({});
  });
});
