import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toIso } from "../src/wire-values";

/** What toIso answers by definition: Date's reading of the timestamp, written as ISO-8601. */
function throughDate(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return "throws";
  return new Date(ms).toISOString();
}

function answer(value: string): string | undefined {
  try {
    return toIso(value);
  } catch {
    return "throws";
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

describe("toIso", () => {
  it("writes Paddle's RFC 3339 timestamps as Date writes them, microseconds cut to milliseconds", () => {
    expect(toIso("2024-04-12T10:18:47.635628Z")).toBe("2024-04-12T10:18:47.635Z");
    expect(toIso("2024-04-12T10:18:47Z")).toBe("2024-04-12T10:18:47.000Z");
    expect(toIso("2024-04-12T10:18:47.6Z")).toBe("2024-04-12T10:18:47.600Z");
    expect(toIso(null)).toBeUndefined();
    expect(toIso("")).toBeUndefined();
  });

  it("rolls over what Date rolls over and refuses what it refuses", () => {
    for (const value of [
      "2023-02-29T00:00:00Z",
      "2024-02-29T00:00:00Z",
      "2024-02-30T00:00:00Z",
      "2024-04-31T12:00:00.5Z",
      "2100-02-29T00:00:00Z",
      "2000-02-29T00:00:00Z",
      "2024-01-01T24:00:00Z",
      "2024-01-01T10:00:00+02:00",
      "2024-01-01T10:00Z",
    ]) {
      expect(answer(value), value).toBe(throughDate(value));
    }
    for (const value of ["2024-13-01T00:00:00Z", "2024-01-01T23:59:60Z", "2024-01-01T00:00:00.Z", "not a date"]) {
      expect(() => toIso(value), value).toThrow(TypeError);
    }
  });

  it("agrees with Date on any timestamp of Paddle's shape, in range or not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.option(fc.stringMatching(/^[0-9]{0,9}$/), { nil: undefined }),
        fc.constantFrom("Z", "Z", "z", "+00:00", "-05:30", ""),
        (year, month, day, hour, minute, second, fraction, zone) => {
          const value = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${fraction === undefined ? "" : `.${fraction}`}${zone}`;
          expect(answer(value)).toBe(throughDate(value));
        },
      ),
    );
  });
});
