import { describe, expect, it } from "vitest";
import {
  ADDRESS_FIELDS,
  defineCapabilities,
  InvoiceSchema,
  PortalLaunchSchema,
  SubscriptionSchema,
  storedAddressFields,
  supportsSection,
  unixToIso,
} from "../src/index";

describe("schemas", () => {
  it("accept a normalized invoice and refuse lower-case currency and fractional money", () => {
    const invoice = {
      id: "in_1",
      provider: "stripe",
      customerId: "cus_1",
      status: "paid",
      total: { amount: 1999, currency: "USD" },
      amountDue: { amount: 0, currency: "USD" },
      amountPaid: { amount: 1999, currency: "USD" },
      issuedAt: unixToIso(1_700_000_000),
      raw: { object: "invoice" },
    };
    expect(InvoiceSchema.parse(invoice)).toEqual(invoice);
    expect(InvoiceSchema.safeParse({ ...invoice, total: { amount: 1999, currency: "usd" } }).success).toBe(false);
    expect(InvoiceSchema.safeParse({ ...invoice, total: { amount: 19.99, currency: "USD" } }).success).toBe(false);
    expect(InvoiceSchema.safeParse({ ...invoice, issuedAt: "2026-11-21 08:00" }).success).toBe(false);
  });

  it("tell a redirect from a vendor's own launch kind", () => {
    expect(
      PortalLaunchSchema.parse({ kind: "redirect", provider: "stripe", url: "https://billing.stripe.com/p/s" }),
    ).toBeTruthy();
    expect(PortalLaunchSchema.safeParse({ kind: "redirect", provider: "stripe", url: "javascript:x" }).success).toBe(
      false,
    );
    expect(PortalLaunchSchema.parse({ kind: "acme-embed", provider: "acme", settings: { page: "x" } })).toMatchObject({
      kind: "acme-embed",
      settings: { page: "x" },
    });
    expect(PortalLaunchSchema.safeParse({ kind: "acme-embed", settings: {} }).success, "no provider").toBe(false);
    expect(PortalLaunchSchema.safeParse({ kind: "iframe", provider: "x", url: "https://a.test" }).success).toBe(false);
  });

  it("keep subscription statuses to the portable list", () => {
    const base = { id: "s", provider: "p", customerId: "c", items: [], raw: {} };
    expect(SubscriptionSchema.safeParse({ ...base, status: "cancel_scheduled" }).success).toBe(true);
    expect(SubscriptionSchema.safeParse({ ...base, status: "non_renewing" }).success).toBe(false);
  });
});

describe("capabilities", () => {
  it("default every optional operation to false", () => {
    const caps = defineCapabilities({ sections: ["address"], cancelModes: ["now"] });
    expect(caps.reactivate).toBe(false);
    expect(caps.addressKinds).toEqual([]);
    expect(supportsSection(caps, "address")).toBe(true);
    expect(supportsSection(caps, "billing_history")).toBe(false);
    expect(Object.isFrozen(caps)).toBe(true);
  });

  it("keep every address field for a kind that declares none, and only the declared ones otherwise", () => {
    const caps = defineCapabilities({
      sections: [],
      cancelModes: ["now"],
      addressKinds: ["billing", "shipping"],
      addressFields: { billing: ["line1", "country"] },
    });
    expect(storedAddressFields(caps, "billing")).toEqual(["line1", "country"]);
    expect(storedAddressFields(caps, "shipping")).toEqual(ADDRESS_FIELDS);
    expect(ADDRESS_FIELDS).toContain("postalCode");
    expect(() =>
      defineCapabilities({ sections: [], cancelModes: ["now"], addressFields: { billing: ["fax" as "phone"] } }),
    ).toThrow();
  });
});
