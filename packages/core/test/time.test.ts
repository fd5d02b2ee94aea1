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

  it("writes what Date writes over many random values, near and far, repeated days included", () => {
    // Deterministic pseudo-random values (a fixed LCG), so a failure names the same value
    // on every run: whole range, a dense band around today, and runs of the same day.
    let state = 0x2545f491;
    const next = () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 2 ** 32;
    };
    const low = -62_135_596_800;
    const high = 253_402_300_799;
    for (let i = 0; i < 200_000; i++) {
      const band = i % 3;
      const seconds =
        band === 0
          ? low + Math.floor(next() * (high - low + 1))
          : band === 1
            ? 1_500_000_000 + Math.floor(next() * 400_000_000)
            : 1_700_000_000 + Math.floor(i / 3) * 7 + Math.floor(next() * 60);
      expect(unixToIso(seconds)).toBe(new Date(seconds * 1000).toISOString());
    }
    for (let days = -3; days < 10_000; days++) {
      for (const second of [0, 1, 59, 3_599, 3_600, 43_200, 86_399]) {
        const seconds = days * 86_400 + second;
        expect(unixToIso(seconds)).toBe(new Date(seconds * 1000).toISOString());
      }
    }
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
