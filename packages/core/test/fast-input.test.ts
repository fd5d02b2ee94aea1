// The hand-written checks of the commonest inputs against the zod schemas they stand in
// for: whenever a check answers, the schema accepts the same input and parses it to the
// same object, keys in the same order.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type * as z from "zod";
import { fastInput } from "../src/fast-input";
import {
  CancelInputSchema,
  CreateSessionInputSchema,
  GetCustomerInputSchema,
  GetSubscriptionInputSchema,
  InvoicePdfInputSchema,
  ListInvoicesInputSchema,
  ListSubscriptionsInputSchema,
  LogoutInputSchema,
  OpenPortalInputSchema,
  PaymentMethodLaunchInputSchema,
  ReactivateInputSchema,
} from "../src/inputs";

const RUNS = process.env.CI === "true" ? 5_000 : 1_000;

const FAST_SCHEMAS: Record<string, z.ZodType> = {
  CreateSessionInputSchema,
  PaymentMethodLaunchInputSchema,
  OpenPortalInputSchema,
  GetCustomerInputSchema,
  GetSubscriptionInputSchema,
  ReactivateInputSchema,
  InvoicePdfInputSchema,
  LogoutInputSchema,
  ListInvoicesInputSchema,
  ListSubscriptionsInputSchema,
};

// Values near every rule's edge: ids of 0, 1, 100 and 101 characters, only dots, a
// character outside the set; page sizes around 1 and 100, fractions, NaN; cursors around
// 2 048 characters; and values of the wrong type.
const idLike = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_\-.@+:]{1,12}$/),
  fc.constantFrom("", ".", "..", "...", "a.", ".a", "cus 1", "cus/1", "cus\n", "é", "a".repeat(100), "a".repeat(101)),
  fc.string({ maxLength: 8 }),
);
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer({ min: -3, max: 103 }),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 4 }),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.constant({}),
);
const field = {
  customerId: fc.oneof(idLike, anyValue),
  subscriptionId: fc.oneof(idLike, anyValue),
  invoiceId: fc.oneof(idLike, anyValue),
  sessionId: fc.oneof(idLike, anyValue),
  limit: fc.oneof(fc.integer({ min: -1, max: 102 }), fc.constantFrom(0, 1, 1.5, 100, 100.5, Number.NaN), anyValue),
  cursor: fc.oneof(
    fc.string({ minLength: 0, maxLength: 6 }),
    fc.constantFrom("x".repeat(2048), "x".repeat(2049)),
    anyValue,
  ),
  includePending: fc.oneof(fc.boolean(), anyValue),
  status: fc.oneof(fc.constant(["paid"]), anyValue),
  returnUrl: fc.oneof(fc.constant("https://app.example/account"), anyValue),
  when: fc.constantFrom("now", "period_end"),
  extra: anyValue,
};
const inputs = fc.record(field, { requiredKeys: [] });

describe("fastInput", () => {
  for (const [name, schema] of Object.entries(FAST_SCHEMAS)) {
    it(`answers only what ${name} answers, parsed alike`, () => {
      fc.assert(
        fc.property(inputs, (input) => {
          const fast = fastInput(schema, input);
          if (fast === undefined) return;
          const parsed = schema.safeParse(input);
          expect(parsed.success).toBe(true);
          expect(fast).toStrictEqual(parsed.data);
          expect(Object.keys(fast)).toEqual(Object.keys(parsed.data as object));
          expect(fast).not.toBe(input);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("answers the inputs of every page of a walk and of a launch", () => {
    expect(fastInput(ListInvoicesInputSchema, { limit: 100, customerId: "cus_1", cursor: "eyJ" })).toEqual({
      customerId: "cus_1",
      limit: 100,
      cursor: "eyJ",
    });
    expect(
      fastInput(ListInvoicesInputSchema, { customerId: "cus_1", subscriptionId: "sub_1", includePending: true }),
    ).toEqual({ customerId: "cus_1", subscriptionId: "sub_1", includePending: true });
    expect(fastInput(ListSubscriptionsInputSchema, { customerId: "cus_1", limit: 1 })).toEqual({
      customerId: "cus_1",
      limit: 1,
    });
    expect(fastInput(CreateSessionInputSchema, { customerId: "cus_1" })).toEqual({ customerId: "cus_1" });
    expect(fastInput(InvoicePdfInputSchema, { customerId: "c", invoiceId: "in_1" })).toEqual({
      customerId: "c",
      invoiceId: "in_1",
    });
  });

  it("leaves to the schema every field it does not check, and every schema it has no check for", () => {
    expect(fastInput(ListInvoicesInputSchema, { customerId: "cus_1", status: ["paid"] })).toBeUndefined();
    expect(
      fastInput(CreateSessionInputSchema, { customerId: "cus_1", returnUrl: "https://a.example" }),
    ).toBeUndefined();
    expect(fastInput(CreateSessionInputSchema, { customerId: "cus_1", customerID: "x" })).toBeUndefined();
    expect(fastInput(CancelInputSchema, { customerId: "c", subscriptionId: "s", when: "now" })).toBeUndefined();
  });

  it("leaves to the schema an input that is not a plain object, or whose fields are not its own", () => {
    expect(fastInput(CreateSessionInputSchema, Object.create({ customerId: "cus_1" }))).toBeUndefined();
    class Input {
      customerId = "cus_1";
    }
    expect(fastInput(CreateSessionInputSchema, new Input())).toBeUndefined();
    const hidden = {};
    Object.defineProperty(hidden, "customerId", { value: "cus_1", enumerable: false });
    expect(fastInput(CreateSessionInputSchema, hidden)).toBeUndefined();
    expect(fastInput(CreateSessionInputSchema, ["cus_1"])).toBeUndefined();
    expect(fastInput(CreateSessionInputSchema, null)).toBeUndefined();
    expect(fastInput(CreateSessionInputSchema, "cus_1")).toBeUndefined();
  });

  it("answers from its memory of the last valid id only for that very id", async () => {
    // A fresh module: nothing is remembered yet, and an absent id is no id.
    vi.resetModules();
    const fresh = await import("../src/fast-input");
    const { CreateSessionInputSchema: FreshSchema } = await import("../src/inputs");
    expect(fresh.fastInput(FreshSchema, { customerId: undefined })).toBeUndefined();
    expect(fresh.fastInput(FreshSchema, { customerId: "cus_1" })).toEqual({ customerId: "cus_1" });
    expect(fresh.fastInput(FreshSchema, { customerId: "cus_1" })).toEqual({ customerId: "cus_1" });
    for (const customerId of [undefined, "", "..", "cus 1", "cus_1 ", 1]) {
      expect(fresh.fastInput(FreshSchema, { customerId })).toBeUndefined();
    }
    expect(fresh.fastInput(FreshSchema, { customerId: "cus_1" })).toEqual({ customerId: "cus_1" });
  });

  it("refuses what the schema refuses at every edge of the id and page rules", () => {
    for (const customerId of ["", "..", "a b", "a".repeat(101), 5]) {
      expect(fastInput(CreateSessionInputSchema, { customerId })).toBeUndefined();
    }
    for (const limit of [0, 101, 1.5, Number.NaN, "10"]) {
      expect(fastInput(ListInvoicesInputSchema, { customerId: "c", limit })).toBeUndefined();
    }
    expect(fastInput(ListInvoicesInputSchema, { customerId: "c", cursor: "" })).toBeUndefined();
    expect(fastInput(ListInvoicesInputSchema, { customerId: "c", cursor: "x".repeat(2049) })).toBeUndefined();
    expect(fastInput(ListInvoicesInputSchema, { customerId: "c", cursor: undefined })).toBeUndefined();
    expect(fastInput(ListInvoicesInputSchema, { customerId: "a".repeat(100), limit: 100 })).toBeDefined();
  });
});
