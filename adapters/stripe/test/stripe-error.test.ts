import { PortalError, registerSecret } from "@portalkit/core";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { toPortalError } from "../src";

const raw = (extra: Record<string, unknown>) => ({ message: "Stripe says no", requestId: "req_123", ...extra });

describe("toPortalError", () => {
  it.each([
    [
      "StripeCardError",
      new Stripe.errors.StripeCardError(raw({ statusCode: 402, code: "card_declined" })),
      "payment_failed",
      false,
    ],
    [
      "StripeInvalidRequestError 404",
      new Stripe.errors.StripeInvalidRequestError(raw({ statusCode: 404, code: "resource_missing" })),
      "not_found",
      false,
    ],
    [
      "StripeInvalidRequestError 400 resource_missing",
      new Stripe.errors.StripeInvalidRequestError(
        raw({ statusCode: 400, code: "resource_missing", param: "customer" }),
      ),
      "not_found",
      false,
    ],
    [
      "StripeInvalidRequestError 400",
      new Stripe.errors.StripeInvalidRequestError(raw({ statusCode: 400, code: "parameter_unknown", param: "foo" })),
      "invalid_request",
      false,
    ],
    [
      "StripeAuthenticationError",
      new Stripe.errors.StripeAuthenticationError(raw({ statusCode: 401 })),
      "unauthenticated",
      false,
    ],
    ["StripePermissionError", new Stripe.errors.StripePermissionError(raw({ statusCode: 403 })), "forbidden", false],
    ["StripeRateLimitError", new Stripe.errors.StripeRateLimitError(raw({ statusCode: 429 })), "rate_limited", true],
    ["StripeAPIError 500", new Stripe.errors.StripeAPIError(raw({ statusCode: 500 })), "unavailable", true],
    [
      "StripeAPIError for a body that was not JSON",
      new Stripe.errors.StripeAPIError({ message: "Invalid JSON received from the Stripe API", requestId: "req_123" }),
      "unavailable",
      true,
    ],
    ["StripeConnectionError", new Stripe.errors.StripeConnectionError(raw({})), "unavailable", true],
    [
      "StripeConnectionError on a timeout",
      new Stripe.errors.StripeConnectionError(raw({ message: "Request aborted due to timeout being reached (80ms)" })),
      "timeout",
      true,
    ],
    ["StripeIdempotencyError", new Stripe.errors.StripeIdempotencyError(raw({ statusCode: 400 })), "conflict", false],
  ] as const)("%s becomes a PortalError", (_, error, code, retryable) => {
    const mapped = toPortalError(error, "stripe");
    expect(PortalError.isInstance(mapped)).toBe(true);
    expect(mapped).toMatchObject({ code, retryable, provider: "stripe", requestId: "req_123" });
  });

  it("names the field from Stripe's param and keeps status and code", () => {
    const mapped = toPortalError(
      new Stripe.errors.StripeInvalidRequestError(
        raw({ statusCode: 400, code: "parameter_invalid_string", param: "shipping[address][line1]" }),
      ),
      "stripe",
    );
    expect(mapped).toMatchObject({
      code: "invalid_request",
      field: "shipping.address.line1",
      status: 400,
      providerCode: "parameter_invalid_string",
    });
  });

  it("reads Retry-After from the error's headers", () => {
    const mapped = toPortalError(
      new Stripe.errors.StripeRateLimitError(raw({ statusCode: 429, headers: { "retry-after": "2" } })),
      "stripe",
    );
    expect(mapped.retryAfterMs).toBe(2_000);
  });

  it("never carries the secret key, even when Stripe's message holds it", () => {
    const secret = "sk_test_51NotARealKeyButShapedLikeOne0000";
    registerSecret(secret);
    const mapped = toPortalError(
      new Stripe.errors.StripeAuthenticationError(
        raw({ statusCode: 401, message: `Invalid API Key provided: ${secret}` }),
      ),
      "stripe",
    );
    const text = [mapped.message, JSON.stringify(mapped), String(mapped.cause), mapped.stack ?? ""].join("\n");
    expect(text).not.toContain(secret);
    expect(text).toContain("[redacted]");
  });

  it("anything else becomes a non-retryable PortalError with the original as a sanitized cause", () => {
    const mapped = toPortalError(new TypeError("boom"), "stripe");
    expect(mapped).toMatchObject({ code: "unavailable", retryable: false });
    expect(mapped.cause?.message).toBe("boom");
  });
});
