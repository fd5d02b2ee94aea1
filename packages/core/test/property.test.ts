// Property tests: core's public entry points answer any input with a valid result or a
// PortalError, never another error.
import {
  CancelInputSchema,
  CreateSessionInputSchema,
  createRouter,
  decodeCursor,
  encodeCursor,
  InvoicePdfInputSchema,
  ListInvoicesInputSchema,
  OpenSectionInputSchema,
  PortalError,
  type PortalProvider,
  parseInput,
  parseRetryAfter,
  redactSecrets,
  registerSecret,
  UpdateAddressInputSchema,
  vendorParamToField,
  withRetry,
} from "@portalkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fakeProvider } from "./fake-provider";

const RUNS = process.env.CI === "true" ? 1_000 : 200;
const SCHEMAS = [
  CreateSessionInputSchema,
  OpenSectionInputSchema,
  ListInvoicesInputSchema,
  CancelInputSchema,
  InvoicePdfInputSchema,
  UpdateAddressInputSchema,
];

function portalErrorOr<T>(run: () => T): T | PortalError {
  try {
    return run();
  } catch (error) {
    if (PortalError.isInstance(error)) return error;
    throw new Error(`threw ${String(error)} instead of a PortalError`, { cause: error });
  }
}

describe("core entry points", () => {
  it("parseInput answers the schema's data or invalid_input naming a field", () => {
    fc.assert(
      fc.property(fc.nat({ max: SCHEMAS.length - 1 }), fc.anything(), (index, input) => {
        const schema = SCHEMAS[index] as (typeof SCHEMAS)[number];
        const result = portalErrorOr(() => parseInput(schema, input, "test"));
        if (PortalError.isInstance(result)) {
          expect(result.code).toBe("invalid_input");
          expect(schema.safeParse(input).success).toBe(false);
        } else expect(result).toEqual(schema.parse(input));
      }),
      { numRuns: RUNS },
    );
  });

  it("decodeCursor reads back what encodeCursor wrote and refuses anything else with invalid_input", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (provider, customer, position) => {
        expect(decodeCursor(provider, customer, encodeCursor(provider, customer, position))).toBe(position);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), fc.string({ unit: "binary" })), (cursor) => {
        const result = portalErrorOr(() => decodeCursor("memory", "cus_1", cursor));
        if (PortalError.isInstance(result)) expect(result.field).toBe("cursor");
        else expect(typeof result).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("vendorParamToField, redactSecrets and parseRetryAfter take any string", () => {
    registerSecret("sk_test_propertysecret123456");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), (text, header) => {
        expect(typeof vendorParamToField(text)).toBe("string");
        expect(redactSecrets(`${text}sk_test_propertysecret123456${text}`)).not.toContain(
          "sk_test_propertysecret123456",
        );
        const wait = parseRetryAfter(header);
        expect(wait === undefined || (Number.isFinite(wait) && wait >= 0)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("redactSecrets and PortalError take messages of any type", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (message, cause) => {
        const error = new PortalError({
          code: "unavailable",
          provider: "test",
          message: message as string,
          cause,
        });
        expect(typeof error.message).toBe("string");
        expect(() => JSON.stringify(error)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it("withRetry settles with the operation's answer or its last error, within the attempts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant("ok"), fc.constantFrom("rate_limited", "unavailable", "not_found")), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.record({ maxAttempts: fc.integer({ min: -2, max: 6 }), maxDelayMs: fc.integer({ min: -5, max: 50 }) }),
        async (script, options) => {
          let calls = 0;
          const result = await withRetry(
            async () => {
              const step = script[Math.min(calls++, script.length - 1)];
              if (step === "ok") return "ok";
              throw new PortalError({ code: step as "unavailable", provider: "test", message: "scripted" });
            },
            options,
            { sleep: async () => undefined, random: () => 0.5 },
          ).catch((error: unknown) => error);
          expect(result === "ok" || PortalError.isInstance(result)).toBe(true);
          expect(calls).toBeLessThanOrEqual(Math.max(1, options.maxAttempts));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("a router answers any input with a PortalError or the provider's answer", async () => {
    const provider: PortalProvider = fakeProvider("a");
    const router = createRouter({
      providers: { a: provider },
      resolve: (customerId) => (customerId.startsWith("cus_") ? "a" : null),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("createSession", "openPortal", "openSection", "listInvoices", "cancel"),
        fc.oneof(fc.anything(), fc.record({ customerId: fc.oneof(fc.constant("cus_1"), fc.string()) })),
        async (method, input) => {
          const call = router[method] as (input: unknown) => Promise<unknown>;
          const result = await call(input).catch((error: unknown) => error);
          if (result instanceof Error) expect(PortalError.isInstance(result)).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
