import { describe, expect, it, vi } from "vitest";

// Core's main entry runs where there is no Buffer (edge runtimes, browsers): cursors are
// written there with btoa/atob. A cursor issued on one runtime is read on another (a page
// served by a Node server, the next by an edge function), so both write the same text.
// This file loads the cursor module once, with Buffer hidden while it loads.
const NodeBuffer = globalThis.Buffer;
vi.stubGlobal("Buffer", undefined);
const portable = await import("../src/cursor");
vi.unstubAllGlobals();
const { PortalError } = await import("../src/errors");

const nodeCursor = (provider: string, customer: string, position: string) =>
  NodeBuffer.from(JSON.stringify({ p: provider, c: customer, v: position }), "utf8").toString("base64url");

const POSITIONS = ["", "in_42", "offset[1]=é✓", "\uD800 lone", "😀".repeat(9), "a".repeat(1000), "?>?>~~~", "ÿÿÿ>>>"];

function expectInvalidCursor(read: () => unknown): void {
  let error: unknown;
  try {
    read();
  } catch (caught) {
    error = caught;
  }
  expect(PortalError.isInstance(error) && error.code === "invalid_input" && error.field === "cursor").toBe(true);
}

describe("cursors without Buffer", () => {
  it("are the very cursors Node writes, and each runtime reads the other's", () => {
    for (const position of POSITIONS) {
      const written = portable.encodeCursor("chargebee", "cus_ü", position);
      expect(written, `cursor for ${JSON.stringify(position)}`).toBe(nodeCursor("chargebee", "cus_ü", position));
      expect(written).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(portable.decodeCursor("chargebee", "cus_ü", written)).toBe(position);
    }
  });

  it("uses both URL-safe characters and no padding, where base64 would write + / and =", () => {
    const written = POSITIONS.map((position) => portable.encodeCursor("stripe", "cus_1", position)).join("");
    expect(written).toContain("-");
    expect(written).toContain("_");
    for (const position of POSITIONS) {
      const cursor = portable.encodeCursor("stripe", "cus_1", position);
      expect(portable.decodeCursor("stripe", "cus_1", cursor)).toBe(position);
    }
  });

  it("refuses tampered cursors: bad characters, impossible lengths, bytes that are not UTF-8, a changed customer", () => {
    const cursor = portable.encodeCursor("stripe", "cus_1", "in_42");
    const notUtf8 = btoa(String.fromCharCode(0xff, 0xfe, 0x7b)).replace(/=+$/, "");
    for (const value of [`${cursor}=`, `${cursor}a`, `${cursor.slice(0, -1)}!`, notUtf8, "", "a", "bnVsbA"]) {
      expectInvalidCursor(() => portable.decodeCursor("stripe", "cus_1", value));
    }
    expectInvalidCursor(() => portable.decodeCursor("stripe", "cus_1", portable.encodeCursor("stripe", "cus_2", "x")));
  });
});
