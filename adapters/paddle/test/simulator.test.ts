import { ApiError, type Environment, Paddle } from "@paddle/paddle-node-sdk";
import { mountOnMsw } from "@portalkit/conformance";
import { conformanceWorld } from "@portalkit/conformance/world";
import { invoiceSeries } from "@portalkit/core/testing";
import { describe, expect, it, onTestFinished } from "vitest";
import { createPaddleSimulator, PADDLE_SANDBOX_ORIGIN } from "../src/testing";

function open(count = 0) {
  const sim = createPaddleSimulator();
  const world = conformanceWorld({ invoiceStatuses: ["draft", "open", "paid", "void"] });
  if (count > 0) world.invoices.push(...invoiceSeries({ customerId: "cus_walk", count }));
  world.customers.push({ id: "cus_walk", email: "walk@example.com" });
  sim.seed(world);
  onTestFinished(mountOnMsw(PADDLE_SANDBOX_ORIGIN, (request) => sim.handle(request)));
  const paddle = new Paddle(sim.apiKey, { environment: "sandbox" as Environment });
  return { sim, paddle, world };
}

// Paddle's JSON, read loosely: each test checks the fields it names.
// biome-ignore lint/suspicious/noExplicitAny: wire JSON under test
type Wire = Record<string, any>;

async function raw(sim: ReturnType<typeof open>["sim"], path: string, init: RequestInit = {}) {
  const response = await sim.handle(
    new Request(`${PADDLE_SANDBOX_ORIGIN}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${sim.apiKey}`, "content-type": "application/json", ...init.headers },
    }),
  );
  return { status: response.status, headers: response.headers, body: (await response.json()) as Wire };
}

describe("the Paddle simulator, through the official SDK", () => {
  it("walks transactions 30 a page by the absolute next URL, following has_more", async () => {
    const { sim, paddle } = open(75);
    const ids: string[] = [];
    for await (const transaction of paddle.transactions.list({ customerId: ["cus_walk"], perPage: 100 })) {
      ids.push(transaction.id);
    }
    expect(ids).toHaveLength(75);
    expect(new Set(ids).size).toBe(75);
    expect(sim.requests.map((request) => request.query.per_page)).toEqual(["100", "100", "100"]);
    const first = await raw(sim, "/transactions?customer_id=cus_walk");
    expect(first.body.meta.pagination).toMatchObject({ per_page: 30, has_more: true });
    expect(first.body.meta.pagination.next).toBe(
      `${PADDLE_SANDBOX_ORIGIN}/transactions?customer_id=cus_walk&after=${first.body.data[29].id}`,
    );
    const last = await raw(sim, `/transactions?customer_id=cus_walk&after=${ids[59]}`);
    expect(last.body.data).toHaveLength(15);
    expect(last.body.meta.pagination.has_more).toBe(false);
    expect(last.body.meta.pagination.next, "next is there on the last page too").toMatch(/after=/);
  });

  it("answers snake_case objects in Paddle's envelope, with a request id", async () => {
    const { sim, world } = open();
    const invoice = world.invoices.find((i) => i.status === "paid")!;
    const answer = await raw(sim, `/transactions/${invoice.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body.meta.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body.data).toMatchObject({
      id: invoice.id,
      status: "completed",
      customer_id: invoice.customerId,
      invoice_number: invoice.number,
      details: { totals: { total: String(invoice.total), balance: "0" } },
    });
  });

  it("refuses a missing or wrong key with HTTP 403, and the SDK throws ApiError", async () => {
    const { sim } = open();
    const missing = await sim.handle(new Request(`${PADDLE_SANDBOX_ORIGIN}/transactions`));
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as Wire).error).toMatchObject({
      type: "request_error",
      code: "authentication_missing",
    });
    const wrong = new Paddle("pdl_sdbx_apikey_wrong", { environment: "sandbox" as Environment });
    const error = await wrong.customers.get("cus_alice").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("invalid_token");
    expect(JSON.stringify(sim.requests)).not.toContain(sim.apiKey);
  });

  it("answers 429 with Retry-After, and field errors in errors[]", async () => {
    const { sim, paddle } = open();
    sim.inject({ fault: { type: "status", status: 429, retryAfter: 7 } });
    const limited = await raw(sim, "/customers/cus_alice");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body.error.code).toBe("too_many_requests");
    const error = await paddle.subscriptions
      .cancel("sub_alice_main", { effectiveFrom: "tomorrow" as never })
      .catch((e: unknown) => e);
    expect((error as ApiError).errors).toEqual([{ field: "effective_from", message: expect.any(String) }]);
    const unknown = await raw(sim, "/transactions?colour=red");
    expect(unknown.body.error).toMatchObject({ code: "invalid_field", errors: [{ field: "colour" }] });
  });

  it("cancels at the period end as a scheduled change, removed again with scheduled_change: null", async () => {
    const { sim, paddle, world } = open();
    const seeded = world.subscriptions.find((s) => s.id === "sub_alice_main")!;
    const scheduled = await paddle.subscriptions.cancel(seeded.id, { effectiveFrom: "next_billing_period" });
    expect(scheduled.scheduledChange).toMatchObject({ action: "cancel" });
    expect(Date.parse(scheduled.scheduledChange!.effectiveAt)).toBe(Date.parse(seeded.currentPeriodEnd));
    const lifted = await paddle.subscriptions.update(seeded.id, { scheduledChange: null });
    expect(lifted.scheduledChange).toBeNull();
    const ended = await paddle.subscriptions.cancel(seeded.id, { effectiveFrom: "immediately" });
    expect(ended.status).toBe("canceled");
    const again = await paddle.subscriptions
      .cancel(seeded.id, { effectiveFrom: "immediately" })
      .catch((e: unknown) => e);
    expect((again as ApiError).code).toBe("subscription_update_when_canceled");
    expect(sim.subscription(seeded.id)?.status).toBe("canceled");
  });

  it("makes portal sessions with a deep link per subscription, on Paddle's portal", async () => {
    const { paddle } = open();
    const session = await paddle.customerPortalSessions.create("cus_alice", ["sub_alice_main"]);
    expect(new URL(session.urls.general.overview).hostname).toBe("sandbox-customer-portal.paddle.com");
    expect(session.urls.subscriptions).toEqual([
      expect.objectContaining({
        id: "sub_alice_main",
        cancelSubscription: expect.stringContaining("cancel_subscription"),
      }),
    ]);
  });

  it("delivers signed notifications to a destination", async () => {
    const received: Request[] = [];
    const sim = createPaddleSimulator({
      webhooks: {
        url: "https://app.example.com/webhooks/paddle",
        secret: "pdl_ntfset_secret",
        fetch: async (request) => {
          received.push(request);
          return new Response(null, { status: 200 });
        },
      },
    });
    sim.seed(conformanceWorld({ invoiceStatuses: ["paid"] }));
    const response = await sim.handle(
      new Request(`${PADDLE_SANDBOX_ORIGIN}/subscriptions/sub_alice_main/cancel`, {
        method: "POST",
        headers: { authorization: `Bearer ${sim.apiKey}` },
        body: JSON.stringify({ effective_from: "immediately" }),
      }),
    );
    expect(response.status).toBe(200);
    await sim.webhooks.settled();
    expect(received).toHaveLength(1);
    const body = JSON.parse(await received[0]!.text());
    expect(body).toMatchObject({
      event_type: "subscription.canceled",
      data: { id: "sub_alice_main", status: "canceled" },
    });
    expect(received[0]!.headers.get("paddle-signature")).toMatch(/^ts=\d+;h1=[0-9a-f]{64}$/);
  });
});
