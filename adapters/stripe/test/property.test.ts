// Whatever the input and whatever Stripe answers: schema-valid output or a PortalError, no
// request for invalid input, no unhandled rejection; and `raw` is exactly Stripe's JSON.
import { describeProperties } from "@portalkit/conformance/properties";
import fc from "fast-check";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { toRaw } from "../src/raw";
import { createStripeHarness } from "../src/testing";

const RUNS = process.env.CI === "true" ? 1_000 : 100;
// As values arrive off the wire: JSON text has no -0 (fast-check's doubles do).
const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describeProperties(createStripeHarness({ transport: "msw" }));

// ---- raw objects -----------------------------------------------------------------------------

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(hasUndefined);
}

describe("raw vendor objects", () => {
  const decimal = fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.nat({ max: 6 }))
    .map(([units, places]) => Stripe.Decimal.from((units / 10 ** places).toFixed(places)));
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      json,
      decimal,
      fc.constant(undefined),
      fc.array(tie("node"), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 8 }), tie("node"), { maxKeys: 4 }),
    ),
  })).node;

  it("keeps exactly what a JSON round trip keeps (Decimals as strings, no lastResponse)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 6 }), (object) => {
        Object.defineProperty(object, "lastResponse", { enumerable: false, value: { requestId: "req_1" } });
        const raw = toRaw(object);
        expect(raw).toEqual(JSON.parse(JSON.stringify(object)));
        expect(JSON.stringify(raw)).toBe(JSON.stringify(object));
        expect(hasUndefined(raw)).toBe(false);
        expect(Object.getOwnPropertyNames(raw)).not.toContain("lastResponse");
      }),
      { numRuns: RUNS },
    );
  });
});
