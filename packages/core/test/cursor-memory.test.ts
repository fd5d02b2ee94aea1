import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { decodeCursor, encodeCursor } from "../src/cursor";

// A second copy of the module: it remembers none of the cursors the first one writes, so it
// decodes every cursor it is given. What the first answers from memory is held to it.
vi.resetModules();
const fresh = await import("../src/cursor");

const RUNS = process.env.CI === "true" ? 2_000 : 300;

function outcome(read: () => string): unknown {
  try {
    return { value: read() };
  } catch (error) {
    const { code, field, message, provider } = error as Record<string, unknown>;
    return { code, field, message, provider };
  }
}

// Any UTF-16 code unit, lone surrogates included.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const id = fc.oneof(
  fc.constantFrom("paddle", "paddle-eu", "ctm_a", "ctm_b"),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: codeUnit }),
);

describe("the cursors a process remembers writing", () => {
  it("are a copy of the module that decodes every cursor apart", () => {
    expect(fresh.decodeCursor).not.toBe(decodeCursor);
    const cursor = encodeCursor("paddle", "ctm_a", "txn_1");
    expect(fresh.decodeCursor("paddle", "ctm_a", cursor)).toBe("txn_1");
  });

  it("are read as decoding reads them, for their own provider and customer or another's", () => {
    fc.assert(
      fc.property(
        id,
        id,
        id,
        id,
        id,
        fc.boolean(),
        (provider, customerId, position, askProvider, askCustomer, same) => {
          const cursor = encodeCursor(provider, customerId, position);
          const asker = same ? { provider, customerId } : { provider: askProvider, customerId: askCustomer };
          expect(outcome(() => decodeCursor(asker.provider, asker.customerId, cursor))).toEqual(
            outcome(() => fresh.decodeCursor(asker.provider, asker.customerId, cursor)),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("leave cursors never written here, and any other text, to decoding", () => {
    const text = fc.oneof(
      fc.string(),
      fc.base64String(),
      fc.tuple(id, id, id).map(([p, c, v]) => fresh.encodeCursor(p, c, v)),
      fc.tuple(id, id, id).map(([p, c, v]) => `${encodeCursor(p, c, v)}A`),
    );
    fc.assert(
      fc.property(id, id, text, (provider, customerId, cursor) => {
        expect(outcome(() => decodeCursor(provider, customerId, cursor))).toEqual(
          outcome(() => fresh.decodeCursor(provider, customerId, cursor)),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("are still read once forgotten", () => {
    const first = encodeCursor("paddle", "ctm_old", "txn_first");
    for (let i = 0; i < 1_000; i++) encodeCursor("paddle", "ctm_many", `txn_${i}`);
    expect(decodeCursor("paddle", "ctm_old", first)).toBe("txn_first");
    expect(outcome(() => decodeCursor("paddle", "ctm_other", first))).toEqual(
      outcome(() => fresh.decodeCursor("paddle", "ctm_other", first)),
    );
  });
});
