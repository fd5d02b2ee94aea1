import { PortalError } from "@portalkit/core";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { toPortalError } from "../src";

const api = (extra: Record<string, unknown>) =>
  new Stripe.errors.StripeAPIError({ message: "Stripe says no", requestId: "req_9", ...extra });

describe("toPortalError: a Stripe error of no particular type is classified by its status", () => {
  it.each([
    [429, "rate_limited", true],
    [409, "conflict", false],
    [401, "unauthenticated", false],
    [403, "forbidden", false],
    [404, "not_found", false],
    [400, "invalid_request", false],
    [422, "invalid_request", false],
    [499, "invalid_request", false],
    [500, "unavailable", true],
    [503, "unavailable", true],
  ] as const)("status %i is %s", (statusCode, code, retryable) => {
    expect(toPortalError(api({ statusCode }), "stripe")).toMatchObject({ code, retryable, status: statusCode });
  });
});

describe("toPortalError: what the PortalError carries", () => {
  it("an idempotency error reported under another type is still a conflict", () => {
    const error = new Stripe.errors.StripeInvalidRequestError({
      message: "Keys for idempotent requests can only be used with the same parameters",
      type: "idempotency_error",
      statusCode: 400,
    });
    expect(toPortalError(error, "stripe")).toMatchObject({ code: "conflict", providerCode: "idempotency_error" });
  });

  it("a connection error whose cause timed out is a timeout, whatever its message", () => {
    const error = new Stripe.errors.StripeConnectionError({ message: "socket hang up", detail: { code: "ETIMEDOUT" } });
    expect(toPortalError(error, "stripe")).toMatchObject({ code: "timeout", retryable: true });
    const other = new Stripe.errors.StripeConnectionError({ message: "socket hang up", detail: { code: "EPIPE" } });
    expect(toPortalError(other, "stripe").code).toBe("unavailable");
    const worded = new Stripe.errors.StripeConnectionError({ message: "Request Timeout after 80ms" });
    expect(toPortalError(worded, "stripe").code).toBe("timeout");
  });

  it("Stripe's code wins over its raw type; without a code the raw type is kept", () => {
    const coded = new Stripe.errors.StripeInvalidRequestError({
      message: "No such customer",
      type: "invalid_request_error",
      code: "resource_missing",
      statusCode: 404,
    });
    expect(toPortalError(coded, "stripe").providerCode).toBe("resource_missing");
    const typed = new Stripe.errors.StripeInvalidRequestError({
      message: "Bad",
      type: "invalid_request_error",
      statusCode: 400,
    });
    expect(toPortalError(typed, "stripe").providerCode).toBe("invalid_request_error");
    expect(toPortalError(api({ statusCode: 500 }), "stripe").providerCode).toBeUndefined();
  });

  it("a Stripe error without a message is named by its type; without a status, param or request id, none is set", () => {
    const mapped = toPortalError(new Stripe.errors.StripeAPIError({ message: "" }), "stripe");
    expect(mapped.message).toContain("StripeAPIError");
    expect(mapped).toMatchObject({ code: "unavailable", retryable: true });
    expect(mapped.status).toBeUndefined();
    expect(mapped.field).toBeUndefined();
    expect(mapped.requestId).toBeUndefined();
    expect(mapped.retryAfterMs).toBeUndefined();
    const named = toPortalError(api({ statusCode: 400, message: "Nope" }), "stripe");
    expect(named.message).toContain("Nope");
    expect(named.message).not.toContain("StripeAPIError");
  });

  it("a PortalError passes through as it is", () => {
    const original = new PortalError({ code: "not_found", provider: "stripe", message: "No customer cus_x" });
    expect(toPortalError(original, "stripe")).toBe(original);
  });

  it("an Error that only looks like Stripe's by a type of another vendor is not read as Stripe's", () => {
    const foreign = Object.assign(new Error("no"), { type: "ChargebeeError", statusCode: 429 });
    expect(toPortalError(foreign, "stripe")).toMatchObject({ code: "unavailable", retryable: false });
    const duck = Object.assign(new Error("slow down"), { type: "StripeRateLimitError", statusCode: 429 });
    expect(toPortalError(duck, "stripe")).toMatchObject({ code: "rate_limited", retryable: true });
    const plain = { type: "StripeRateLimitError", message: "not an Error" };
    expect(toPortalError(plain, "stripe")).toMatchObject({ code: "unavailable", retryable: false });
    expect(toPortalError("text", "stripe").message).toContain("text");
  });
});
