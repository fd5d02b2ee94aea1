import { mountOnMsw } from "@portalkit/conformance";
import { conformanceWorld } from "@portalkit/conformance/world";
import { allInvoices, PortalError, RedirectLaunchSchema } from "@portalkit/core";
import { invoiceSeries } from "@portalkit/core/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { createPaddleProvider, toPortalError } from "../src";
import { verifyPaddleSignature } from "../src/signature";
import { createPaddleSimulator, PADDLE_SANDBOX_ORIGIN, signPaddleWebhook } from "../src/testing";

function open(extraInvoices = 0) {
  const sim = createPaddleSimulator();
  const world = conformanceWorld({ invoiceStatuses: ["draft", "open", "paid", "void"] });
  world.customers.push({ id: "cus_walk", email: "walk@example.com" });
  world.invoices.push(...invoiceSeries({ customerId: "cus_walk", count: extraInvoices }));
  sim.seed(world);
  onTestFinished(mountOnMsw(PADDLE_SANDBOX_ORIGIN, (request) => sim.handle(request)));
  const provider = createPaddleProvider({
    apiKey: sim.apiKey,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return { sim, provider };
}

describe("@portalkit/paddle", () => {
  it("walks N transactions in ceil(N / 30) requests, per_page capped at Paddle's 30", async () => {
    const { sim, provider } = open(95);
    const ids: string[] = [];
    for await (const invoice of allInvoices(provider, { customerId: "cus_walk" })) ids.push(invoice.id);
    expect(new Set(ids).size).toBe(95);
    expect(sim.requests).toHaveLength(4);
    expect(sim.requests.every((request) => request.query.per_page === "30")).toBe(true);
  });

  it("opens the cancellation and payment-method deep links of a subscription", async () => {
    const { sim, provider } = open();
    const cancel = RedirectLaunchSchema.parse(
      await provider.openSection({
        customerId: "cus_alice",
        section: "cancel_subscription",
        subscriptionId: "sub_alice_main",
      }),
    );
    expect(cancel).toMatchObject({ kind: "redirect", provider: "paddle", section: "cancel_subscription" });
    const session = sim.sessions.at(-1)!;
    expect(cancel.url).toBe(session.urls.subscriptions[0]!.cancel_subscription);
    const payment = RedirectLaunchSchema.parse(
      await provider.openSection({
        customerId: "cus_alice",
        section: "payment_sources",
        subscriptionId: "sub_alice_addon",
      }),
    );
    expect(payment.url).toBe(sim.sessions.at(-1)!.urls.subscriptions[0]!.update_subscription_payment_method);
    const fallback = await provider.openSection({
      customerId: "cus_alice",
      section: "billing_history",
      fallback: "portal",
    });
    expect(fallback).toMatchObject({
      fallback: true,
      section: "billing_history",
      url: sim.sessions.at(-1)!.urls.general.overview,
    });
  });

  it("refuses a portal link outside Paddle's customer portal", async () => {
    const { sim, provider } = open();
    sim.inject({
      fault: {
        type: "corrupt",
        corrupt: async (response) => {
          const body = (await response.json()) as { data: { urls: { general: { overview: string } } } };
          body.data.urls.general.overview = "https://evil.example/phish";
          return new Response(JSON.stringify(body), { status: response.status });
        },
      },
    });
    const error = await provider.openPortal({ customerId: "cus_alice" }).catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && error.code).toBe("unavailable");
  });

  it("reads the state before retrying a cancel whose answer was lost: one cancellation sent", async () => {
    const { sim, provider } = open();
    sim.inject({
      fault: { type: "reset" },
      method: "POST",
      path: "/subscriptions/sub_alice_main/cancel",
      phase: "after",
    });
    const answer = await provider.cancel({ customerId: "cus_alice", subscriptionId: "sub_alice_main", when: "now" });
    expect(answer.status).toBe("canceled");
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /subscriptions/sub_alice_main",
      "POST /subscriptions/sub_alice_main/cancel",
      "GET /subscriptions/sub_alice_main",
    ]);
  });

  it("maps Paddle's errors: 403 auth codes, 429 with Retry-After, field errors", () => {
    const apiError = (fields: Record<string, unknown>) =>
      Object.assign(new Error("x"), { type: "request_error", errors: null, retryAfter: null, detail: "d", ...fields });
    expect(toPortalError(apiError({ code: "invalid_token" }), "paddle").code).toBe("unauthenticated");
    expect(toPortalError(apiError({ code: "forbidden" }), "paddle").code).toBe("forbidden");
    const limited = toPortalError(apiError({ code: "too_many_requests", retryAfter: 3 }), "paddle");
    expect([limited.code, limited.retryAfterMs, limited.retryable]).toEqual(["rate_limited", 3000, true]);
    const field = toPortalError(
      apiError({ code: "invalid_field", errors: [{ field: "address.postal_code", message: "bad" }] }),
      "paddle",
    );
    expect([field.code, field.field]).toEqual(["invalid_request", "address.postal_code"]);
    expect(toPortalError(apiError({ type: "api_error", code: "whatever" }), "paddle").code).toBe("unavailable");
    expect(toPortalError(new TypeError("fetch failed"), "paddle").retryable).toBe(true);
  });

  it("keeps the API key out of errors", async () => {
    const { sim } = open();
    const provider = createPaddleProvider({ apiKey: "pdl_sdbx_apikey_not_the_right_one" });
    const error = await provider.openPortal({ customerId: "cus_alice" }).catch((e: unknown) => e);
    expect(PortalError.isInstance(error) && error.code).toBe("unauthenticated");
    expect(JSON.stringify(error)).not.toContain("not_the_right_one");
    expect(sim.requests).toHaveLength(1);
  });
});

describe("Paddle-Signature", () => {
  const secret = "pdl_ntfset_01test_secret";
  const body = '{"event_type":"subscription.updated"}';
  const now = 1_800_000_000_000;

  it("accepts a signature made with the secret, any h1 of several, within the tolerance", () => {
    const header = signPaddleWebhook(secret, body, now / 1000);
    expect(verifyPaddleSignature(header, body, secret, 300, now)).toBe("ok");
    const rotated = `${signPaddleWebhook("old-secret", body, now / 1000)};${header.split(";")[1]}`;
    expect(verifyPaddleSignature(rotated, body, secret, 300, now)).toBe("ok");
    expect(verifyPaddleSignature(header, body, secret, 300, now + 299_000)).toBe("ok");
  });

  it("refuses another body, another secret, an old ts and a malformed header", () => {
    const header = signPaddleWebhook(secret, body, now / 1000);
    expect(verifyPaddleSignature(header, `${body} `, secret, 300, now)).toBe("mismatch");
    expect(verifyPaddleSignature(header, body, "other", 300, now)).toBe("mismatch");
    expect(verifyPaddleSignature(header, body, secret, 300, now + 301_000)).toBe("stale");
    expect(verifyPaddleSignature(header, body, secret, 5, now + 6_000)).toBe("stale");
    for (const bad of [undefined, "", "ts=abc;h1=00", `h1=${"0".repeat(64)}`, `ts=${now / 1000}`]) {
      expect(verifyPaddleSignature(bad, body, secret, 300, now)).toBe("malformed");
    }
  });
});
