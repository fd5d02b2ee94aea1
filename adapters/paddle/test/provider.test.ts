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

describe("parseWebhook", () => {
  const secret = "pdl_ntfset_01parse_secret";
  const notification = {
    event_id: "evt_01test",
    event_type: "customer.updated",
    occurred_at: "2026-12-01T10:00:00.000000Z",
    notification_id: "ntf_01test",
    data: { id: "cus_alice", email: "alice@example.com" },
  };
  const body = JSON.stringify(notification);
  const provider = (options: { webhookTolerance?: number; webhookSecret?: string } = { webhookSecret: secret }) =>
    createPaddleProvider({ apiKey: "pdl_sdbx_apikey_test", ...options });
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  it("accepts a notification while the destination's secret is rotated (any h1 may match)", async () => {
    const ts = nowSeconds();
    const rotated = `${signPaddleWebhook("pdl_ntfset_old", body, ts)};${signPaddleWebhook(secret, body, ts).split(";")[1]}`;
    const event = await provider().parseWebhook!({ body, headers: { "Paddle-Signature": rotated } });
    expect(event).toMatchObject({ id: "evt_01test", type: "customer.updated", customerId: "cus_alice" });
    expect(event.occurredAt).toBe("2026-12-01T10:00:00.000Z");
  });

  it("holds the configured tolerance", async () => {
    const header = signPaddleWebhook(secret, body, nowSeconds() - 60);
    await expect(provider().parseWebhook!({ body, headers: { "paddle-signature": header } })).resolves.toBeDefined();
    await expect(
      provider({ webhookSecret: secret, webhookTolerance: 30 }).parseWebhook!({
        body,
        headers: { "paddle-signature": header },
      }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses every notification without a configured secret, and a signed body that is not a notification", async () => {
    const header = signPaddleWebhook(secret, body, nowSeconds());
    await expect(provider({}).parseWebhook!({ body, headers: { "paddle-signature": header } })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    const junk = '{"hello":1}';
    await expect(
      provider().parseWebhook!({ body: junk, headers: { "paddle-signature": signPaddleWebhook(secret, junk) } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("reads a subscription.updated by its scheduled change: a cancel to come, or another change", async () => {
    const sim = createPaddleSimulator();
    sim.seed(conformanceWorld({ invoiceStatuses: ["paid"] }));
    const data = structuredClone(sim.subscription("sub_alice_main")!);
    const parse = (subscription: typeof data) => {
      const text = JSON.stringify({ ...notification, event_type: "subscription.updated", data: subscription });
      return provider().parseWebhook!({ body: text, headers: { "paddle-signature": signPaddleWebhook(secret, text) } });
    };
    await expect(parse(data)).resolves.toMatchObject({
      type: "subscription.updated",
      subscriptionId: "sub_alice_main",
    });
    data.scheduled_change = { action: "cancel", effective_at: "2027-01-01T00:00:00Z", resume_at: null };
    await expect(parse(data)).resolves.toMatchObject({
      type: "subscription.cancel_scheduled",
      customerId: "cus_alice",
      subscription: { status: "cancel_scheduled", cancelAt: "2027-01-01T00:00:00.000Z" },
    });
  });
});

describe("getCustomer and updateAddress", () => {
  it("answers an archived customer not_found (Paddle archives instead of deleting)", async () => {
    const { sim, provider } = open();
    await expect(provider.getCustomer!({ customerId: "cus_bob" })).resolves.toMatchObject({ id: "cus_bob" });
    sim.archiveCustomer("cus_bob");
    await expect(provider.getCustomer!({ customerId: "cus_bob" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a phone or company instead of dropping it, before any request", async () => {
    const { sim, provider } = open();
    for (const field of ["phone", "company"] as const) {
      await expect(
        provider.updateAddress!({
          customerId: "cus_alice",
          kind: "billing",
          address: { line1: "1 Main St", country: "US", [field]: field === "phone" ? "+1 555 0100" : "Acme" },
        }),
      ).rejects.toMatchObject({ code: "invalid_input", field: `address.${field}` });
    }
    expect(sim.requests).toEqual([]);
  });
});
