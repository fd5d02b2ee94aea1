import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiToBase64Url, base64UrlToAscii, decodeCursor, encodeCursor } from "../src/cursor";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const RUNS = { numRuns: process.env.CI === "true" ? 5_000 : 1_000 };
const ascii = fc.string({
  unit: fc.integer({ min: 0, max: 0x7f }).map((code) => String.fromCharCode(code)),
  maxLength: 300,
});
const anyText = fc.oneof(
  ascii,
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
// Base64url text of every length but 4n+1, trailing bits set or not, over any bytes or ASCII ones.
const base64Url = fc
  .string({ unit: fc.constantFrom(...ALPHABET), maxLength: 200 })
  .filter((text) => text.length % 4 !== 1);
const ofAsciiBytes = fc
  .uint8Array({ max: 0x7f, maxLength: 200 })
  .map((bytes) => Buffer.from(bytes).toString("base64url"));

describe("the ASCII path of cursors", () => {
  it("writes ASCII text as Buffer does, and leaves any other text to Buffer", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const written = asciiToBase64Url(text);
        if (/^[\0-\x7f]*$/.test(text)) expect(written).toBe(Buffer.from(text, "utf8").toString("base64url"));
        else expect(written).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("reads base64url as Buffer does when every byte is ASCII, and leaves the rest to Buffer", () => {
    fc.assert(
      fc.property(fc.oneof(base64Url, ofAsciiBytes), (text) => {
        const bytes = Buffer.from(text, "base64url");
        const read = base64UrlToAscii(text);
        if (bytes.every((byte) => byte < 0x80)) expect(read).toBe(bytes.toString("latin1"));
        else expect(read).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("gives the cursors Buffer gives, and reads them back, for any ids and positions", () => {
    fc.assert(
      fc.property(anyText, anyText, anyText, (provider, customer, position) => {
        const cursor = encodeCursor(provider, customer, position);
        const json = JSON.stringify({ p: provider, c: customer, v: position });
        expect(cursor).toBe(Buffer.from(json, "utf8").toString("base64url"));
        expect(decodeCursor(provider, customer, cursor)).toBe(position);
      }),
      RUNS,
    );
  });

  it("gives the same cursors when one provider and customer write page after page, or two take turns", () => {
    // The envelope's opening is kept for the provider and customer written last: these runs
    // write several positions for the same two, switching between pairs at random.
    const pair = fc.tuple(anyText, anyText);
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), anyText), { minLength: 1, maxLength: 12 }),
        (pairs, writes) => {
          for (const [which, position] of writes) {
            const [provider, customer] = pairs[which % pairs.length] as [string, string];
            const cursor = encodeCursor(provider, customer, position);
            const json = JSON.stringify({ p: provider, c: customer, v: position });
            expect(cursor).toBe(Buffer.from(json, "utf8").toString("base64url"));
            expect(decodeCursor(provider, customer, cursor)).toBe(position);
          }
        },
      ),
      RUNS,
    );
  });

  it("takes the general path past its length limit", () => {
    const long = "a".repeat(5_000);
    expect(asciiToBase64Url(long)).toBeUndefined();
    expect(encodeCursor("chargebee", "cus_1", long)).toBe(
      Buffer.from(JSON.stringify({ p: "chargebee", c: "cus_1", v: long })).toString("base64url"),
    );
    expect(decodeCursor("chargebee", "cus_1", encodeCursor("chargebee", "cus_1", long))).toBe(long);
  });
});
