import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ADDRESS_FIELDS,
  CAPABILITY_FLAGS,
  CapabilitiesSchema,
  defineCapabilities,
  OPTIONAL_OPERATIONS,
} from "../src/index";
import { plainManifest } from "../src/plain-manifest";
import { PORTAL_SECTIONS } from "../src/schemas";

const FLAGS = OPTIONAL_OPERATIONS.map((name) => CAPABILITY_FLAGS[name]);

// Mostly allowed values, now and then another string, a number, undefined or null.
const item = <T>(values: readonly T[]) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>("other", "", 1, undefined, null, true) },
  );
const list = <T>(values: readonly T[]) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.array(item(values), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, "now", {}) },
  );
const byKind = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.record({ billing: value, shipping: value }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record({ billing: value, other: value }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, [], "customer") },
  );
const manifestFields: Record<string, fc.Arbitrary<unknown>> = {
  sections: list(PORTAL_SECTIONS),
  cancelModes: list(["now", "period_end"]),
  addressKinds: list(["billing", "shipping"]),
  cancelReason: item(["comment", "code", "none"]),
  addressScopes: byKind(item(["customer", "subscription"])),
  addressFields: byKind(list(ADDRESS_FIELDS)),
  extra: fc.constantFrom<unknown>("kept out", 1),
  ...Object.fromEntries(FLAGS.map((flag) => [flag, item([true, false])])),
};
const manifest = fc.record(manifestFields, {
  requiredKeys: ["sections", "cancelModes", "addressKinds", "cancelReason", ...FLAGS],
});
// What an adapter passes to defineCapabilities: the other keys have defaults.
const partialManifest = fc.record(manifestFields, { requiredKeys: ["sections", "cancelModes"] });

describe("capability manifests checked without zod", () => {
  it("answer what CapabilitiesSchema answers, key order included, or leave the manifest to it", () => {
    let copied = 0;
    let runs = 0;
    fc.assert(
      fc.property(manifest, (input) => {
        runs++;
        const parsed = CapabilitiesSchema.safeParse(input, { jitless: true });
        const plain = plainManifest(input);
        if (plain === undefined) return;
        copied++;
        expect(parsed.success).toBe(true);
        expect(plain).toEqual(parsed.data);
        expect(JSON.stringify(plain)).toBe(JSON.stringify(parsed.data));
      }),
      { numRuns: 2000 },
    );
    // The generated manifests reach the fast path often, not only the odd one.
    expect(copied).toBeGreaterThan(runs / 5);
  });

  it("copy every well-formed manifest", () => {
    fc.assert(
      fc.property(
        fc.record({
          sections: fc.subarray([...PORTAL_SECTIONS]),
          cancelModes: fc.subarray(["now", "period_end"] as const, { minLength: 1 }),
          addressKinds: fc.subarray(["billing", "shipping"] as const),
          cancelReason: fc.constantFrom("comment", "code", "none"),
          addressScopes: fc.record(
            { billing: fc.constantFrom("customer", "subscription"), shipping: fc.constantFrom("customer") },
            { requiredKeys: [] },
          ),
          addressFields: fc.record(
            { billing: fc.subarray([...ADDRESS_FIELDS]), shipping: fc.subarray([...ADDRESS_FIELDS]) },
            { requiredKeys: [] },
          ),
          ...Object.fromEntries(FLAGS.map((flag) => [flag, fc.boolean()])),
        }),
        (input) => {
          const plain = plainManifest(input);
          expect(plain).toBeDefined();
          expect(JSON.stringify(plain)).toBe(JSON.stringify(CapabilitiesSchema.parse(input)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("defineCapabilities answers zod's manifest or throws zod's error", () => {
    fc.assert(
      fc.property(partialManifest, (input) => {
        const defaults: Record<string, unknown> = {
          addressKinds: [],
          cancelReason: "none",
          addressScopes: {},
          addressFields: {},
          ...Object.fromEntries(FLAGS.map((flag) => [flag, false])),
        };
        const full = { ...defaults, ...input };
        const parsed = CapabilitiesSchema.safeParse(full, { jitless: true });
        const define = () => defineCapabilities(input as Parameters<typeof defineCapabilities>[0]);
        if (!parsed.success) {
          expect(define).toThrow(parsed.error.message);
          return;
        }
        const defined = define();
        expect(Object.isFrozen(defined)).toBe(true);
        expect(JSON.stringify(defined)).toBe(JSON.stringify(parsed.data));
        expect(defined).toEqual(parsed.data);
      }),
      { numRuns: 1000 },
    );
  });

  it("leave a class instance, a sparse array and an undefined kind to zod", () => {
    const base = { sections: [], cancelModes: ["now"], addressKinds: [], cancelReason: "none" };
    const flags = Object.fromEntries(FLAGS.map((flag) => [flag, false]));
    expect(plainManifest({ ...base, ...flags })).toBeDefined();
    expect(plainManifest(Object.assign(Object.create({ inherited: 1 }), base, flags))).toBeUndefined();
    expect(plainManifest({ ...base, ...flags, sections: new Array(2) })).toBeUndefined();
    expect(plainManifest({ ...base, ...flags, addressScopes: { billing: undefined } })).toBeUndefined();
    expect(plainManifest({ ...base, ...flags, cancelModes: [] })).toBeUndefined();
  });
});
