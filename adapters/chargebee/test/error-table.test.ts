import type { Invoice } from "chargebee";
import { describe, expect, it } from "vitest";
import { chargebeeErrorToPortalError, normalizeInvoice } from "../src/index";
import { rig, smallWorld } from "./setup";

describe("Chargebee's error table, the rows no other test reaches", () => {
  it("an object with no code, type or status is unavailable and not retryable: nothing says trying again helps", () => {
    for (const shape of [{}, { message: "odd" }, { api_error_code: "", http_status_code: Number.NaN }]) {
      const error = chargebeeErrorToPortalError(shape);
      expect([error.code, error.retryable], JSON.stringify(shape)).toEqual(["unavailable", false]);
    }
  });

  it("duplicate_entry is a conflict, not retryable", () => {
    const error = chargebeeErrorToPortalError({
      message: "The value is already present",
      type: "invalid_request",
      api_error_code: "duplicate_entry",
      http_status_code: 400,
    });
    expect(error).toMatchObject({ code: "conflict", retryable: false, status: 400, providerCode: "duplicate_entry" });
  });

  it("gateway_timeout in Chargebee's JSON body is a timeout, retryable", () => {
    const error = chargebeeErrorToPortalError({
      message: "The gateway timed out",
      api_error_code: "gateway_timeout",
      http_status_code: 400,
    });
    expect(error).toMatchObject({ code: "timeout", retryable: true, status: 400 });
  });

  it("the SDK's own timeout error is a timeout, retryable, without a made-up status", () => {
    for (const type of ["gateway_timeout", "timeout"]) {
      const sdkError = Object.assign(new Error("timed out"), { type, http_status_code: 504 });
      const error = chargebeeErrorToPortalError(sdkError);
      expect([error.code, error.retryable, error.status], type).toEqual(["timeout", true, undefined]);
    }
  });
});

describe("a non-JSON error page from in front of Chargebee", () => {
  it("keeps the page's Retry-After: beyond the retry bound it fails at once, with the wait asked for", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 3, maxDelayMs: 1_000, baseDelayMs: 1 } });
    sim.inject({
      method: "GET",
      path: "/api/v2/invoices",
      times: 3,
      fault: {
        type: "corrupt",
        corrupt: () =>
          new Response("<html><body>Service Unavailable</body></html>", {
            status: 503,
            headers: { "content-type": "text/html", "retry-after": "7" },
          }),
      },
    });
    await expect(provider.listInvoices({ customerId: "alice" })).rejects.toMatchObject({
      code: "unavailable",
      status: 503,
      retryable: true,
      retryAfterMs: 7_000,
    });
    expect(sim.requests).toHaveLength(1);
  });

  it("a 429 page is rate_limited, and 408 and 504 pages are timeouts", async () => {
    for (const [status, code] of [
      [429, "rate_limited"],
      [408, "timeout"],
      [504, "timeout"],
      [502, "unavailable"],
    ] as const) {
      const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 1, maxDelayMs: 0, baseDelayMs: 0 } });
      sim.inject({
        method: "GET",
        path: "/api/v2/invoices",
        fault: {
          type: "corrupt",
          corrupt: () => new Response("busy", { status, headers: { "content-type": "text/plain" } }),
        },
      });
      await expect(provider.listInvoices({ customerId: "alice" }), String(status)).rejects.toMatchObject({
        code,
        status,
        retryable: true,
      });
    }
  });
});

describe("an invoice's issue date", () => {
  const wire = (dates: Partial<Pick<Invoice, "date" | "generated_at" | "updated_at">>): Invoice =>
    ({
      id: "inv_1",
      customer_id: "alice",
      status: "paid",
      currency_code: "usd",
      total: 100,
      amount_due: 0,
      amount_paid: 100,
      ...dates,
    }) as Invoice;
  const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

  it("is the invoice date, before the generation time and the last update", () => {
    expect(normalizeInvoice(wire({ date: 1_000, generated_at: 2_000, updated_at: 3_000 })).issuedAt).toBe(iso(1_000));
    expect(normalizeInvoice(wire({ generated_at: 2_000, updated_at: 3_000 })).issuedAt).toBe(iso(2_000));
    expect(normalizeInvoice(wire({ updated_at: 3_000 })).issuedAt).toBe(iso(3_000));
  });

  it("has no due or paid date when Chargebee gives none", () => {
    const invoice = normalizeInvoice(wire({ date: 1_000 }));
    expect(invoice.dueAt).toBeUndefined();
    expect(invoice.paidAt).toBeUndefined();
    const dated = normalizeInvoice({ ...wire({ date: 1_000 }), due_date: 5_000, paid_at: 6_000 } as Invoice);
    expect([dated.dueAt, dated.paidAt]).toEqual([iso(5_000), iso(6_000)]);
  });
});
