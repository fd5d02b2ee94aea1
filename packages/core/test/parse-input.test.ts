import { describe, expect, it } from "vitest";
import {
  CancelInputSchema,
  ListInvoicesInputSchema,
  OpenSectionInputSchema,
  PortalError,
  parseInput,
  UpdateAddressInputSchema,
  vendorParamToField,
} from "../src/index";

function invalid(run: () => unknown): PortalError {
  try {
    run();
  } catch (error) {
    if (PortalError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a PortalError");
}

describe("parseInput", () => {
  it("returns the parsed input when it is valid", () => {
    expect(parseInput(CancelInputSchema, { customerId: "c1", subscriptionId: "s1", when: "now" }, "memory")).toEqual({
      customerId: "c1",
      subscriptionId: "s1",
      when: "now",
    });
  });

  it("names the offending field as a dotted path", () => {
    const error = invalid(() =>
      parseInput(
        UpdateAddressInputSchema,
        { customerId: "c1", kind: "billing", address: { country: "usa" } },
        "chargebee",
      ),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.field).toBe("address.country");
    expect(error.provider).toBe("chargebee");
    expect(error.retryable).toBe(false);
  });

  it("rejects unknown keys, naming them", () => {
    const error = invalid(() => parseInput(ListInvoicesInputSchema, { customerId: "c1", subscriptionID: "s1" }, "p"));
    expect(error.field).toBe("subscriptionID");
  });

  it("rejects a limit above the vendors' page size, ids that walk paths, and non-objects", () => {
    expect(invalid(() => parseInput(ListInvoicesInputSchema, { customerId: "c1", limit: 101 }, "p")).field).toBe(
      "limit",
    );
    expect(invalid(() => parseInput(ListInvoicesInputSchema, { customerId: ".." }, "p")).field).toBe("customerId");
    expect(invalid(() => parseInput(ListInvoicesInputSchema, { customerId: "a/b" }, "p")).field).toBe("customerId");
    expect(invalid(() => parseInput(ListInvoicesInputSchema, null, "p")).code).toBe("invalid_input");
    expect(invalid(() => parseInput(ListInvoicesInputSchema, "c1", "p")).code).toBe("invalid_input");
  });

  it("accepts only portable sections and the portal fallback", () => {
    expect(invalid(() => parseInput(OpenSectionInputSchema, { customerId: "c", section: "invoices" }, "p")).field).toBe(
      "section",
    );
    expect(
      invalid(() => parseInput(OpenSectionInputSchema, { customerId: "c", section: "address", fallback: "home" }, "p"))
        .field,
    ).toBe("fallback");
  });
});

describe("vendorParamToField", () => {
  it("turns bracketed vendor parameters into dotted paths", () => {
    expect(vendorParamToField("billing_address[first_name]")).toBe("billing_address.first_name");
    expect(vendorParamToField("shipping[address][line1]")).toBe("shipping.address.line1");
    expect(vendorParamToField("items[0][price]")).toBe("items.0.price");
    expect(vendorParamToField("expand[]")).toBe("expand");
    expect(vendorParamToField("email")).toBe("email");
  });
});
