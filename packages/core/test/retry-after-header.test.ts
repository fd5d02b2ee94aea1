import { describe, expect, it } from "vitest";
import { retryAfterHeader } from "../src/testing";

describe("retryAfterHeader", () => {
  it("carries the Retry-After given, as text", () => {
    expect(retryAfterHeader(2)).toEqual({ "retry-after": "2" });
    expect(retryAfterHeader("Wed, 21 Oct 2026 07:28:00 GMT")).toEqual({
      "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT",
    });
    expect(retryAfterHeader(0)).toEqual({ "retry-after": "0" });
  });

  it("is empty when none is given", () => {
    expect(retryAfterHeader(undefined)).toEqual({});
  });
});
