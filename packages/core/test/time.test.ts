import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isHttpUrl, UrlSchema, unixToIso } from "../src/index";

describe("unixToIso", () => {
  it("writes exactly what Date#toISOString writes", () => {
    for (const seconds of [0, -1, 59, 86_399, 86_400, 951_782_400, 1_700_000_000, 4_107_542_399, 253_402_300_799]) {
      expect(unixToIso(seconds)).toBe(new Date(seconds * 1000).toISOString());
    }
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), (seconds) => {
        expect(unixToIso(seconds)).toBe(new Date(seconds * 1000).toISOString());
      }),
      { numRuns: 5_000 },
    );
  });

  it("falls back to Date for fractions and far years, and gives undefined for no time", () => {
    expect(unixToIso(1.5)).toBe("1970-01-01T00:00:01.500Z");
    expect(unixToIso(253_402_300_800)).toBe(new Date(253_402_300_800_000).toISOString());
    expect(unixToIso(null)).toBeUndefined();
    expect(unixToIso(undefined)).toBeUndefined();
    expect(unixToIso(Number.NaN)).toBeUndefined();
  });
});

describe("isHttpUrl", () => {
  it("accepts what UrlSchema accepts for vendor URLs", () => {
    for (const url of [
      "https://invoice.stripe.com/i/acct_1/test_x",
      "http://127.0.0.1:4010/pdf/in_1",
      "https://pay.stripe.com/invoice/acct_1/invst_x/pdf?s=ap",
    ]) {
      expect(isHttpUrl(url)).toBe(true);
      expect(UrlSchema.safeParse(url).success).toBe(true);
    }
    for (const value of [
      "",
      "ftp://x.test/a",
      "javascript:alert(1)",
      "https://",
      "/relative",
      "https:// x",
      null,
      5,
      false,
    ]) {
      expect(isHttpUrl(value)).toBe(false);
    }
  });
});
