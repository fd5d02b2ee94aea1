import { describe, expect, it } from "vitest";
import { expectedRequests, medianRatio, quantile, round, summarize } from "./stats";

describe("bench statistics", () => {
  it("interpolates quantiles between ranks and does not reorder its input", () => {
    const values = [5, 1, 4, 2, 3];
    expect(quantile(values, 0.5)).toBe(3);
    expect(quantile(values, 0)).toBe(1);
    expect(quantile(values, 1)).toBe(5);
    expect(quantile(values, 0.95)).toBeCloseTo(4.8);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it("refuses an empty sample", () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
  });

  it("summarizes median and p95", () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(summarize(values)).toEqual({ samples: 101, median: 50, p95: 95 });
  });

  it("takes the median of paired ratios, not the ratio of medians", () => {
    // Pairs 2/1, 3/3, 9/3: ratios 2, 1, 3, median 2; the medians' ratio would be 3/3 = 1.
    expect(medianRatio([2, 3, 9], [1, 3, 3])).toBe(2);
    expect(medianRatio([1, 2], [2, 2])).toBe(0.75);
    expect(() => medianRatio([1, 2], [1])).toThrow(RangeError);
    expect(() => medianRatio([], [])).toThrow(RangeError);
  });

  it("expects one request a page, and one for an empty list", () => {
    expect([0, 1, 100, 101, 1_000, 10_000].map((n) => expectedRequests(n))).toEqual([1, 1, 1, 2, 10, 100]);
  });

  it("rounds", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
  });
});
