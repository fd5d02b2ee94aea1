import { describe, expect, it } from "vitest";
import { chargebeeErrorToPortalError } from "../src/index";

describe("Chargebee error objects to PortalError", () => {
  it("maps the plain object the SDK rejects with, error_param to a dotted field", () => {
    const error = chargebeeErrorToPortalError({
      message: "billing_address[first_name] : cannot be blank",
      type: "invalid_request",
      api_error_code: "param_wrong_value",
      error_param: "billing_address[first_name]",
      http_status_code: 400,
      headers: {},
    });
    expect(error.toJSON()).toMatchObject({
      name: "PortalError",
      code: "invalid_request",
      provider: "chargebee",
      field: "billing_address.first_name",
      providerCode: "param_wrong_value",
      status: 400,
      retryable: false,
    });
  });

  it.each([
    [{ api_error_code: "resource_not_found", http_status_code: 404 }, "not_found", false],
    [{ api_error_code: "api_authentication_failed", http_status_code: 401 }, "unauthenticated", false],
    [{ api_error_code: "api_authorization_failed", http_status_code: 403 }, "forbidden", false],
    [
      { api_error_code: "invalid_state_for_request", type: "invalid_request", http_status_code: 400 },
      "conflict",
      false,
    ],
    [{ api_error_code: "payment_processing_failed", type: "payment", http_status_code: 402 }, "payment_failed", false],
    [{ api_error_code: "some_new_payment_code", type: "payment", http_status_code: 400 }, "payment_failed", false],
    [{ api_error_code: "api_request_limit_exceeded", http_status_code: 429 }, "rate_limited", true],
    [{ api_error_code: "internal_temporary_error", http_status_code: 503 }, "unavailable", true],
    [{ api_error_code: "unheard_of", http_status_code: 409 }, "conflict", false],
  ])("%o is %s", (shape, code, retryable) => {
    const error = chargebeeErrorToPortalError({ message: "m", ...shape });
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
  });

  it("reads Retry-After from the headers the SDK attaches", () => {
    const error = chargebeeErrorToPortalError({
      message: "Sorry, access has been blocked temporarily due to request count exceeding acceptable limits.",
      api_error_code: "api_request_limit_exceeded",
      http_status_code: 429,
      headers: { "retry-after": "2" },
    });
    expect(error).toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
  });

  it("treats the SDK's own error for an unreadable body as retryable, without its made-up status", () => {
    const sdkError = Object.assign(new Error("Sorry, something went wrong"), {
      type: "internal_error",
      api_error_code: "internal_error",
      http_status_code: 500,
    });
    const error = chargebeeErrorToPortalError(sdkError);
    expect(error).toMatchObject({ code: "unavailable", retryable: true });
    expect(error.status).toBeUndefined();
  });

  it("turns anything else into a PortalError too", () => {
    expect(chargebeeErrorToPortalError("boom").code).toBe("unavailable");
    expect(chargebeeErrorToPortalError(new TypeError("x")).code).toBe("unavailable");
    expect(chargebeeErrorToPortalError(null).code).toBe("unavailable");
  });
});
