import { describe, expect, it } from "vitest";
import {
  codeFromHttpStatus,
  httpStatusFromCode,
  PORTAL_ERROR_CODES,
  PortalError,
  redactSecrets,
  registerSecret,
} from "../src/index";

describe("PortalError", () => {
  it("carries code, provider, status, field, providerCode and requestId", () => {
    const error = new PortalError({
      code: "invalid_request",
      provider: "chargebee",
      message: "billing_address[zip] is invalid",
      status: 400,
      field: "billing_address.zip",
      providerCode: "param_wrong_value",
      requestId: "req_123",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PortalError");
    expect(error.code).toBe("invalid_request");
    expect(error.retryable).toBe(false);
    expect(error.toJSON()).toEqual({
      name: "PortalError",
      code: "invalid_request",
      message: "billing_address[zip] is invalid",
      provider: "chargebee",
      retryable: false,
      status: 400,
      field: "billing_address.zip",
      providerCode: "param_wrong_value",
      requestId: "req_123",
    });
  });

  it("is retryable by default for rate limits, outages and timeouts only", () => {
    const retryable = PORTAL_ERROR_CODES.filter(
      (code) => new PortalError({ code, provider: "p", message: code }).retryable,
    );
    expect(retryable.sort()).toEqual(["rate_limited", "timeout", "unavailable"]);
    expect(new PortalError({ code: "unavailable", provider: "p", message: "x", retryable: false }).retryable).toBe(
      false,
    );
  });

  it("is recognised across copies of the package through a global symbol", () => {
    const foreign = Object.assign(new Error("from another copy"), {
      [Symbol.for("portalkit.error")]: true,
      code: "not_found",
    });
    expect(PortalError.isInstance(foreign)).toBe(true);
    expect(PortalError.isInstance(new Error("plain"))).toBe(false);
    expect(PortalError.isInstance({ code: "not_found" })).toBe(false);
    expect(PortalError.isInstance(null)).toBe(false);
    expect(PortalError.isInstance("not_found")).toBe(false);
  });

  it("keeps no secret in its message, cause or JSON form", () => {
    const apiKey = "test_cbKeyAbcdefghijklmnopqrstuv12345";
    const stripeKey = "sk_test_51Habcdefghijklmnop";
    const billflowSecret = "bf-signing-secret-9876543210";
    registerSecret(billflowSecret);
    const vendorError = {
      message: `Unauthorized with ${apiKey}`,
      headers: { authorization: `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}` },
      config: { apiKey, secretKey: stripeKey },
      api_error_code: "api_authentication_failed",
    };
    const error = new PortalError({
      code: "unauthenticated",
      provider: "chargebee",
      message: `Key ${stripeKey} refused; hmac secret ${billflowSecret}; url https://x.test/?token=abc123def456`,
      cause: vendorError,
    });
    const surfaces = [
      error.message,
      String(error),
      error.stack ?? "",
      JSON.stringify(error),
      String(error.cause),
      error.cause?.stack ?? "",
      JSON.stringify(error.cause),
    ].join("\n");
    for (const secret of [apiKey, stripeKey, billflowSecret, "abc123def456"]) {
      expect(surfaces).not.toContain(secret);
    }
    expect(error.cause).toBeInstanceOf(Error);
    expect(Object.keys(error.cause as object)).not.toContain("headers");
    expect(JSON.stringify(error)).toContain("[redacted]");
  });

  it("maps HTTP statuses to codes and codes back to statuses", () => {
    expect(codeFromHttpStatus(400)).toBe("invalid_request");
    expect(codeFromHttpStatus(401)).toBe("unauthenticated");
    expect(codeFromHttpStatus(402)).toBe("payment_failed");
    expect(codeFromHttpStatus(403)).toBe("forbidden");
    expect(codeFromHttpStatus(404)).toBe("not_found");
    expect(codeFromHttpStatus(409)).toBe("conflict");
    expect(codeFromHttpStatus(429)).toBe("rate_limited");
    expect(codeFromHttpStatus(502)).toBe("unavailable");
    for (const code of PORTAL_ERROR_CODES) {
      const status = httpStatusFromCode(code);
      expect(status >= 400 && status < 600).toBe(true);
    }
    expect(httpStatusFromCode("not_found")).toBe(404);
    expect(httpStatusFromCode("invalid_input")).toBe(400);
  });
});

describe("redactSecrets", () => {
  it("removes keys, authorization values and secret query parameters", () => {
    expect(redactSecrets("key sk_live_abcdefgh1234 end")).toBe("key [redacted] end");
    expect(redactSecrets("Authorization: Bearer abc.def.ghi-123")).toBe("Authorization: [redacted]");
    expect(redactSecrets("https://a.test/p?x=1&api_key=zzzzzz&y=2")).toBe(
      "https://a.test/p?x=1&api_key=[redacted]&y=2",
    );
    expect(redactSecrets('{"apiKey":"abcdef123456","site":"acme"}')).toBe('{"apiKey":"[redacted]","site":"acme"}');
    expect(redactSecrets("nothing secret here")).toBe("nothing secret here");
  });
});
