import { ListInvoicesInputSchema, PortalError, parseInput } from "@portalkit/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInvoiceQuery } from "../src/invoice-query";
import { listingQuery } from "../src/query-params";
import { parseSubscriptionQuery } from "../src/subscription-query";

const QuerySchema = ListInvoicesInputSchema.omit({ customerId: true });

/** What the query parse answered before it took the whole schema's check: the query schema, then the customer. */
function reference(params: URLSearchParams, customerId: string) {
  return { ...parseInput(QuerySchema, listingQuery(params), "test"), customerId };
}

function outcome(run: () => unknown) {
  try {
    return { ok: run() };
  } catch (error) {
    if (!(error instanceof PortalError)) throw error;
    return { error: { code: error.code, field: error.field, message: error.message } };
  }
}

const NAMES = ["limit", "cursor", "subscriptionId", "status", "includePending", "customerId", "sort", "__proto__"];
const VALUES = fc.oneof(
  fc.constantFrom("1", "100", "101", "0", "abc", "true", "false", "yes", "paid", "paid,open", "late", "", "sub_1", "."),
  fc.string({ maxLength: 8 }),
  fc.string({ minLength: 250, maxLength: 600 }),
);
const CUSTOMERS = fc.oneof(fc.constantFrom("cus_alice", "", "..", "a b"), fc.string({ maxLength: 12 }));

describe("the invoice query", () => {
  it("answers what the query schema and the signed-in customer answer, and fails alike", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), VALUES), { maxLength: 6 }),
        CUSTOMERS,
        (pairs, customerId) => {
          const params = new URLSearchParams(pairs);
          const got = outcome(() => parseInvoiceQuery(params, "test", customerId));
          const want = outcome(() => reference(params, customerId));
          // An invalid signed-in customer passes here too: the provider's own parse refuses it.
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("refuses a customerId in the query, valid or not", () => {
    for (const query of ["customerId=cus_bob", "limit=10&customerId=cus_alice"]) {
      expect(() => parseInvoiceQuery(new URLSearchParams(query), "test", "cus_alice")).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "customerId" }),
      );
    }
  });

  it("takes the signed-in customer with a walk's page query", () => {
    expect(parseInvoiceQuery(new URLSearchParams("limit=100&cursor=abc"), "test", "cus_alice")).toEqual({
      customerId: "cus_alice",
      limit: 100,
      cursor: "abc",
    });
  });
});

describe("the subscription query", () => {
  it("refuses the invoice-only includePending, whatever its value, and reads what it takes", () => {
    for (const query of ["includePending=true", "includePending=maybe"]) {
      expect(() => parseSubscriptionQuery(new URLSearchParams(query), "test")).toThrow(
        expect.objectContaining({ code: "invalid_input", field: "includePending" }),
      );
    }
    expect(parseSubscriptionQuery(new URLSearchParams("limit=5&status=active,canceled"), "test")).toEqual({
      limit: 5,
      status: ["active", "canceled"],
    });
  });
});
