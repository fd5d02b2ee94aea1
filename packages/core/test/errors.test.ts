import { types } from "node:util";
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

describe("the status and code tables", () => {
  it("maps every status a vendor answers with to its code, 5xx from 500 up and anything else invalid_request", () => {
    const table: Array<[number, string]> = [
      [400, "invalid_request"],
      [422, "invalid_request"],
      [401, "unauthenticated"],
      [402, "payment_failed"],
      [403, "forbidden"],
      [404, "not_found"],
      [408, "timeout"],
      [409, "conflict"],
      [429, "rate_limited"],
      [500, "unavailable"],
      [503, "unavailable"],
      [599, "unavailable"],
      [499, "invalid_request"],
      [418, "invalid_request"],
      [410, "invalid_request"],
    ];
    expect(table.map(([status]) => [status, codeFromHttpStatus(status)])).toEqual(table);
  });

  it("answers each code with its own HTTP status", () => {
    expect(Object.fromEntries(PORTAL_ERROR_CODES.map((code) => [code, httpStatusFromCode(code)]))).toEqual({
      invalid_input: 400,
      invalid_request: 400,
      unauthenticated: 401,
      payment_failed: 402,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      unsupported: 501,
      rate_limited: 429,
      timeout: 504,
      unavailable: 503,
    });
  });
});

describe("PortalError's optional fields and causes", () => {
  it("keeps retryAfterMs and a cause's name and message in its JSON form, and leaves absent fields out", () => {
    const error = new PortalError({
      code: "rate_limited",
      provider: "stripe",
      message: "slow down",
      retryAfterMs: 2_000,
      cause: new TypeError("fetch failed"),
    });
    expect(error.retryAfterMs).toBe(2_000);
    expect(error.toJSON()).toEqual({
      name: "PortalError",
      code: "rate_limited",
      message: "slow down",
      provider: "stripe",
      retryable: true,
      retryAfterMs: 2_000,
      cause: { name: "TypeError", message: "fetch failed" },
    });
    const bare = new PortalError({ code: "not_found", provider: "p", message: "gone" });
    expect(Object.keys(bare.toJSON()).sort()).toEqual(["code", "message", "name", "provider", "retryable"]);
    expect(PortalError.isRetryable(error)).toBe(true);
    expect(PortalError.isRetryable(bare)).toBe(false);
    expect(PortalError.isRetryable(new Error("plain"))).toBe(false);
  });

  it("keeps a PortalError cause as it is, and an Error's name, message and stack", () => {
    const inner = new PortalError({ code: "timeout", provider: "p", message: "late" });
    expect(new PortalError({ code: "unavailable", provider: "p", message: "x", cause: inner }).cause).toBe(inner);
    const thrown = new RangeError("out of range");
    const cause = new PortalError({ code: "unavailable", provider: "p", message: "x", cause: thrown }).cause;
    expect(cause).not.toBe(thrown);
    expect([cause?.name, cause?.message, cause?.stack]).toEqual(["RangeError", "out of range", thrown.stack]);
  });

  it("builds the sanitized cause as a native Error and leaves Error.stackTraceLimit as it was", () => {
    const limit = Error.stackTraceLimit;
    const cause = new PortalError({ code: "unavailable", provider: "p", message: "x", cause: "reset" }).cause;
    expect(Error.stackTraceLimit).toBe(limit);
    expect(types.isNativeError(cause)).toBe(true);
    expect(cause?.stack).toBe("Error: reset");
    // The next error, built right after, still gets its frames.
    expect(new Error("after").stack?.split("\n").length).toBeGreaterThan(1);
  });

  it("builds the cause as usual where Error.stackTraceLimit cannot be written or is not a number", () => {
    const descriptor = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
    try {
      Object.defineProperty(Error, "stackTraceLimit", { value: 7, writable: false, configurable: true });
      const frozen = new PortalError({ code: "unavailable", provider: "p", message: "x", cause: "reset" }).cause;
      expect([frozen?.message, frozen?.stack, Error.stackTraceLimit]).toEqual(["reset", "Error: reset", 7]);
      Object.defineProperty(Error, "stackTraceLimit", { value: undefined, writable: true, configurable: true });
      const absent = new PortalError({ code: "unavailable", provider: "p", message: "x", cause: "reset" }).cause;
      expect([absent?.message, absent?.stack, Error.stackTraceLimit]).toEqual(["reset", "Error: reset", undefined]);
    } finally {
      if (descriptor) Object.defineProperty(Error, "stackTraceLimit", descriptor);
    }
  });

  it("reads a vendor's error object, a bare value and an unprintable object as a cause", () => {
    const causeOf = (value: unknown) =>
      new PortalError({ code: "unavailable", provider: "p", message: "x", cause: value }).cause;
    const vendor = causeOf({ name: "ChargebeeError", message: "site not found", http_status_code: 404 });
    expect([vendor?.name, vendor?.message, vendor?.stack]).toEqual([
      "ChargebeeError",
      "site not found",
      "ChargebeeError: site not found",
    ]);
    const shapeless = causeOf({ type: "api_error", status: 500 });
    expect([shapeless?.name, shapeless?.message]).toEqual(["Error", '{"type":"api_error","status":500}']);
    const bare = causeOf("socket hang up");
    expect([bare?.name, bare?.message, bare?.stack]).toEqual(["Error", "socket hang up", "Error: socket hang up"]);
    const circular: Record<string, unknown> = { name: 42 };
    circular.self = circular;
    const unprintable = causeOf(circular);
    expect([unprintable?.name, unprintable?.message]).toEqual(["Error", "[object Object]"]);
    const silent = causeOf({ toJSON: () => undefined });
    expect(silent?.message).toBe("[object Object]");
  });
});
