import { describe, expect, it } from "vitest";
import { fieldMap, joinName, snakeCaseAddressPairs, splitName, validAddress } from "../src/adapter";

describe("joinName and splitName", () => {
  it("joins the parts given, and is undefined when there are none", () => {
    expect(joinName({ firstName: "Ada", lastName: "Lovelace" })).toBe("Ada Lovelace");
    expect(joinName({ lastName: "Lovelace" })).toBe("Lovelace");
    expect(joinName({ firstName: "", lastName: "" })).toBeUndefined();
    expect(joinName({})).toBeUndefined();
  });

  it("reads the first word as the first name and the rest as the last", () => {
    expect(splitName("  Ada  King Lovelace ")).toEqual({ firstName: "Ada", lastName: "King Lovelace" });
    expect(splitName("Ada")).toEqual({ firstName: "Ada" });
    expect(splitName("   ")).toEqual({});
    expect(splitName(null)).toEqual({});
    expect(splitName(undefined)).toEqual({});
  });
});

describe("validAddress", () => {
  it("keeps the values the portable schema accepts and leaves out empty and refused ones", () => {
    expect(
      validAddress({
        firstName: "Ada",
        lastName: "",
        email: null,
        phone: "not a phone",
        city: undefined,
        country: "GB",
      }),
    ).toStrictEqual({ firstName: "Ada", country: "GB" });
    expect(validAddress({ country: "gb" })).toBeUndefined();
  });

  it("is undefined when nothing is left", () => {
    expect(validAddress({})).toBeUndefined();
    expect(validAddress({ line1: "", email: "nope" })).toBeUndefined();
    expect(validAddress({ city: undefined, state: null, line2: "" })).toBeUndefined();
  });
});

describe("snakeCaseAddressPairs", () => {
  it("maps every portable field, the postal code under the name given", () => {
    const map = fieldMap<Record<string, string>, Record<string, string>>(snakeCaseAddressPairs("zip"));
    expect(map.toVendor({ firstName: "Ada", postalCode: "NW1", line2: "Flat 2", country: "GB" })).toEqual({
      first_name: "Ada",
      zip: "NW1",
      line2: "Flat 2",
      country: "GB",
    });
    expect(snakeCaseAddressPairs("postal_code").map(([portable]) => portable)).toEqual([
      "firstName",
      "lastName",
      "company",
      "email",
      "phone",
      "line1",
      "line2",
      "city",
      "state",
      "postalCode",
      "country",
    ]);
    expect(snakeCaseAddressPairs("postal_code")).toContainEqual(["postalCode", "postal_code"]);
  });
});
