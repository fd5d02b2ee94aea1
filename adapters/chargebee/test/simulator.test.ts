import { emptyWorld } from "@portalkit/core/testing";
import Chargebee from "chargebee";
import { describe, expect, it } from "vitest";
import { type ChargebeeErrorBody, createChargebeeSimulator } from "../src/testing/index";
import { smallWorld } from "./setup";

const BASE = "https://acme-test.chargebee.com/api/v2";

function simulator() {
  const sim = createChargebeeSimulator({ site: "acme-test", apiKey: "test_right_key" });
  sim.seed(smallWorld());
  return sim;
}

function auth(key = "test_right_key"): Record<string, string> {
  return { authorization: `Basic ${btoa(`${key}:`)}` };
}

function post(path: string, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { ...auth(), "content-type": "application/x-www-form-urlencoded; charset=utf-8", ...headers },
  });
}

async function errorBody(response: Response): Promise<ChargebeeErrorBody> {
  expect(response.headers.get("content-type")).toContain("application/json");
  return (await response.json()) as ChargebeeErrorBody;
}

describe("Chargebee simulator: requests the real API refuses", () => {
  it("refuses a wrong API key with 401 api_authentication_failed in Chargebee's format", async () => {
    const sim = simulator();
    const response = await sim.handle(new Request(`${BASE}/invoices`, { headers: auth("test_wrong_key") }));
    expect(response.status).toBe(401);
    const body = await errorBody(response);
    expect(body).toMatchObject({ api_error_code: "api_authentication_failed", http_status_code: 401 });
    expect(body.error_code).toBe("api_authentication_failed");
    expect(typeof body.message).toBe("string");
    expect(JSON.stringify(body)).not.toContain("test_wrong_key");
  });

  it("refuses a request without credentials", async () => {
    const sim = simulator();
    const response = await sim.handle(new Request(`${BASE}/subscriptions/sub_alice`));
    expect(response.status).toBe(401);
  });

  it("refuses an unknown query parameter with 400 naming it", async () => {
    const sim = simulator();
    const response = await sim.handle(
      new Request(`${BASE}/invoices?customer_id[is]=alice&colour=red`, { headers: auth() }),
    );
    expect(response.status).toBe(400);
    expect(await errorBody(response)).toMatchObject({
      type: "invalid_request",
      api_error_code: "invalid_request",
      param: "colour",
      http_status_code: 400,
    });
  });

  it("refuses an unknown form parameter and changes nothing", async () => {
    const sim = simulator();
    const response = await sim.handle(post("/subscriptions/sub_alice/cancel_for_items", "end_of_term=true&refund=all"));
    expect(response.status).toBe(400);
    expect((await errorBody(response)).param).toBe("refund");
    expect(sim.subscriptions.get("sub_alice")?.status).toBe("active");
  });

  it("refuses a page size above 100 and a made-up offset as param_wrong_value", async () => {
    const sim = simulator();
    const big = await sim.handle(new Request(`${BASE}/invoices?limit=101`, { headers: auth() }));
    expect(big.status).toBe(400);
    expect(await errorBody(big)).toMatchObject({ api_error_code: "param_wrong_value", param: "limit" });
    const offset = await sim.handle(new Request(`${BASE}/invoices?offset=page2`, { headers: auth() }));
    expect(offset.status).toBe(400);
    expect((await errorBody(offset)).param).toBe("offset");
  });

  it("refuses an unknown country in an address, naming the bracketed parameter", async () => {
    const sim = simulator();
    const response = await sim.handle(
      post("/customers/alice/update_billing_info", "billing_address[line1]=2+Elm&billing_address[country]=QQ"),
    );
    expect(response.status).toBe(400);
    expect(await errorBody(response)).toMatchObject({
      api_error_code: "param_wrong_value",
      param: "billing_address[country]",
      error_param: "billing_address[country]",
    });
    expect(sim.customers.get("alice")?.billing_address?.line1).toBe("1 Main St");
  });

  it("answers 404 resource_not_found for an unknown id", async () => {
    const sim = simulator();
    const response = await sim.handle(new Request(`${BASE}/subscriptions/sub_nobody`, { headers: auth() }));
    expect(response.status).toBe(404);
    expect(await errorBody(response)).toMatchObject({ api_error_code: "resource_not_found" });
  });

  it("refuses to cancel a subscription twice, and to reactivate one that is not cancelled", async () => {
    const sim = simulator();
    expect((await sim.handle(post("/subscriptions/sub_alice_gone/cancel_for_items", "end_of_term=false"))).status).toBe(
      400,
    );
    const reactivate = await sim.handle(post("/subscriptions/sub_alice/reactivate", ""));
    expect(reactivate.status).toBe(400);
    expect((await errorBody(reactivate)).api_error_code).toBe("invalid_state_for_request");
  });
});

describe("Chargebee simulator: wire format and state", () => {
  it("pages invoices as { list, next_offset }, newest first, filtered server-side", async () => {
    const sim = simulator();
    const seen: string[] = [];
    let offset: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ "customer_id[is]": "alice", "sort_by[desc]": "date", limit: "2" });
      if (offset) query.set("offset", offset);
      const response = await sim.handle(new Request(`${BASE}/invoices?${query}`, { headers: auth() }));
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        list: Array<{ invoice: { id: string; customer_id: string } }>;
        next_offset?: string;
      };
      for (const entry of body.list) {
        expect(entry.invoice.customer_id).toBe("alice");
        seen.push(entry.invoice.id);
      }
      offset = body.next_offset;
      pages++;
    } while (offset);
    expect(seen).toEqual(["inv_a1", "inv_a2", "inv_a3", "inv_a4", "inv_a5"]);
    expect(pages).toBe(3);
  });

  it("reads status[in] as the SDK sends it (JSON) and as curl users type it", async () => {
    const sim = simulator();
    for (const value of ['["paid","voided"]', "[paid,voided]"]) {
      const query = new URLSearchParams({ "customer_id[is]": "alice", "status[in]": value });
      const response = await sim.handle(new Request(`${BASE}/invoices?${query}`, { headers: auth() }));
      const body = (await response.json()) as { list: Array<{ invoice: { id: string } }> };
      expect(body.list.map((entry) => entry.invoice.id)).toEqual(["inv_a1", "inv_a3"]);
    }
  });

  it("replays a mutation sent twice with one idempotency key, changing the state once", async () => {
    const sim = simulator();
    const headers = { "chargebee-idempotency-key": "key-1" };
    const first = await sim.handle(post("/subscriptions/sub_alice/cancel_for_items", "end_of_term=false", headers));
    const second = await sim.handle(post("/subscriptions/sub_alice/cancel_for_items", "end_of_term=false", headers));
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(sim.requests.map((request) => request.replayed ?? false)).toEqual([false, true]);
    expect(sim.requests[0]?.headers.authorization).toBe("[redacted]");
  });

  it("keeps the shipping address on the subscription and the billing address on the customer", async () => {
    const sim = simulator();
    const shipping = await sim.handle(
      post(
        "/subscriptions/sub_alice/update_for_items",
        "shipping_address[city]=Shelbyville&shipping_address[zip]=99999",
      ),
    );
    expect(shipping.status).toBe(200);
    expect(sim.subscriptions.get("sub_alice")?.shipping_address).toEqual({ city: "Shelbyville", zip: "99999" });
    expect(sim.customers.get("alice")?.billing_address?.city).toBe("Springfield");
  });

  it("refuses draft invoices when seeding: Chargebee has none", () => {
    const sim = createChargebeeSimulator();
    const world = emptyWorld();
    world.customers.push({ id: "c", email: "c@example.com" });
    world.invoices.push({
      id: "in_draft",
      customerId: "c",
      number: "1",
      status: "draft",
      total: 1,
      amountDue: 1,
      amountPaid: 0,
      currency: "USD",
      issuedAt: "2026-01-01T00:00:00Z",
    });
    expect(() => sim.seed(world)).toThrow(/draft/);
  });

  it("serves the official SDK over node:http on loopback", async () => {
    const sim = simulator();
    const server = await sim.listen();
    try {
      const chargebee = new Chargebee({
        site: "127.0.0.1",
        hostSuffix: "",
        protocol: "http",
        port: server.port,
        apiKey: "test_right_key",
      });
      const { subscription, customer } = await chargebee.subscription.retrieve("sub_alice");
      expect(subscription.status).toBe("active");
      expect(customer.email).toBe("alice@example.com");
      const page = await chargebee.invoice.list({ customer_id: { is: "alice" }, status: { in: ["paid"] }, limit: 5 });
      expect(page.list.map((entry) => entry.invoice.id)).toEqual(["inv_a1"]);
      const wrong = new Chargebee({
        site: "127.0.0.1",
        hostSuffix: "",
        protocol: "http",
        port: server.port,
        apiKey: "test_wrong_key",
      });
      await expect(wrong.customer.retrieve("alice")).rejects.toMatchObject({
        api_error_code: "api_authentication_failed",
        http_status_code: 401,
      });
    } finally {
      await server.close();
    }
  });
});

describe("Chargebee simulator: customer and subscription reads in Chargebee's wire format", () => {
  const get = (sim: ReturnType<typeof simulator>, path: string) =>
    sim.handle(new Request(`${BASE}${path}`, { headers: auth() }));

  function cardWorld() {
    const sim = createChargebeeSimulator({ site: "acme-test", apiKey: "test_right_key" });
    const world = emptyWorld();
    world.customers.push(
      { id: "carded", email: "c@example.com", card: { brand: "amex", last4: "0005", expMonth: 3, expYear: 2029 } },
      { id: "cardless", email: "n@example.com" },
    );
    for (let i = 0; i < 5; i++) {
      world.subscriptions.push({
        id: `sub_${i}`,
        customerId: i === 4 ? "cardless" : "carded",
        status: i === 0 ? "canceled" : "active",
        priceId: "basic",
        quantity: 1,
        unitAmount: 100,
        currency: "USD",
        createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        currentPeriodStart: "2026-11-01T00:00:00Z",
        currentPeriodEnd: "2026-12-01T00:00:00Z",
      });
    }
    sim.seed(world);
    return sim;
  }

  it("answers GET /customers/{id} with the primary card beside the customer", async () => {
    const sim = cardWorld();
    const body = (await (await get(sim, "/customers/carded")).json()) as Record<string, Record<string, unknown>>;
    expect(body.customer).toMatchObject({ id: "carded", payment_method: { type: "card", status: "valid" } });
    expect(body.card).toMatchObject({
      last4: "0005",
      card_type: "american_express",
      expiry_month: 3,
      expiry_year: 2029,
    });
    const none = (await (await get(sim, "/customers/cardless")).json()) as Record<string, unknown>;
    expect(none.card).toBeUndefined();
    sim.deleteCustomer("carded");
    expect((await get(sim, "/customers/carded")).status).toBe(404);
  });

  it("pages GET /subscriptions by customer_id[is], newest created first, with next_offset", async () => {
    const sim = cardWorld();
    const query = "customer_id[is]=carded&sort_by[desc]=created_at&limit=2";
    const first = (await (await get(sim, `/subscriptions?${query}`)).json()) as {
      list: Array<{ subscription: { id: string }; customer: { id: string } }>;
      next_offset?: string;
    };
    expect(first.list.map((entry) => entry.subscription.id)).toEqual(["sub_3", "sub_2"]);
    expect(first.list[0]?.customer.id).toBe("carded");
    expect(first.next_offset).toBeDefined();
    const second = (await (
      await get(sim, `/subscriptions?${query}&offset=${encodeURIComponent(first.next_offset ?? "")}`)
    ).json()) as { list: Array<{ subscription: { id: string } }>; next_offset?: string };
    expect(second.list.map((entry) => entry.subscription.id)).toEqual(["sub_1", "sub_0"]);
    expect(second.next_offset).toBeUndefined();
    const cancelled = (await (
      await get(sim, `/subscriptions?customer_id[is]=carded&status[in]=${encodeURIComponent('["cancelled"]')}`)
    ).json()) as { list: Array<{ subscription: { id: string } }> };
    expect(cancelled.list.map((entry) => entry.subscription.id)).toEqual(["sub_0"]);
    expect((await get(sim, "/subscriptions?sort_by[desc]=updated_at")).status).toBe(400);
    expect((await get(sim, "/subscriptions?limit=101")).status).toBe(400);
  });
});
