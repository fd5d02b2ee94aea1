import { describe, expect, it } from "vitest";
import { chargebeeErrorToPortalError } from "../src/index";

describe("what a Chargebee error keeps as its cause", () => {
  it("Chargebee's message, named ChargebeeError, and nothing else of the vendor object", () => {
    const error = chargebeeErrorToPortalError({
      message: "Sorry, we couldn't find that resource",
      api_error_code: "resource_not_found",
      http_status_code: 404,
      headers: { "retry-after": "1", "set-cookie": "session=secret" },
    });
    expect(error.toJSON().cause).toEqual({ name: "ChargebeeError", message: "Sorry, we couldn't find that resource" });
    expect(JSON.stringify(error.toJSON())).not.toContain("secret");
    expect(chargebeeErrorToPortalError({ api_error_code: "duplicate_entry" }).toJSON().cause).toEqual({
      name: "ChargebeeError",
      message: "Chargebee answered duplicate_entry",
    });
  });

  it("what was thrown, when it is not a Chargebee error", () => {
    expect(chargebeeErrorToPortalError(new TypeError("fetch failed")).toJSON()).toMatchObject({
      code: "unavailable",
      message: "Chargebee request failed",
      cause: { name: "TypeError", message: "fetch failed" },
    });
    expect(chargebeeErrorToPortalError("boom").toJSON()).toMatchObject({
      message: "Chargebee request failed",
      cause: { name: "Error", message: "boom" },
    });
  });
});
