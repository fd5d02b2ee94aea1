import { twoCustomers } from "@portalkit/conformance/world";
import { defineCapabilities, PortalError, type PortalProvider } from "@portalkit/core";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend, type MemoryBackend } from "@portalkit/memory/testing";
import { createPortalHandler, type PortalHandler, type PortalHandlerOptions } from "@portalkit/server";
import { beforeEach, describe, expect, it } from "vitest";

const ORIGIN = "https://app.example";
const SESSIONS = new Map([
  ["sid-alice", "cus_alice"],
  ["sid-bob", "cus_bob"],
]);

const authenticate: PortalHandlerOptions["authenticate"] = (request) => {
  const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  return sid ? (SESSIONS.get(sid) ?? null) : null;
};

let backend: MemoryBackend;
let provider: PortalProvider;
let handler: PortalHandler;

beforeEach(() => {
  backend = createMemoryBackend({ world: twoCustomers(), portalUrl: "https://portal.example" });
  provider = createMemoryProvider({ fetch: backend.fetch, retry: { maxAttempts: 1 } });
  handler = createPortalHandler(provider, { authenticate, basePath: "/portal" });
});

interface Call {
  method?: string;
  as?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  handler?: PortalHandler;
}

async function call(path: string, { method = "GET", as = "sid-alice", body, headers = {}, handler: h }: Call = {}) {
  const init: RequestInit = { method, headers: { ...headers } };
  const sent = init.headers as Record<string, string>;
  if (as) sent.cookie = `sid=${as}`;
  if (method === "POST") {
    sent.origin ??= ORIGIN;
    sent["sec-fetch-site"] ??= "same-origin";
  }
  if (body !== undefined) {
    sent["content-type"] ??= "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await (h ?? handler)(new Request(`${ORIGIN}/portal${path}`, init));
  const text = await response.text();
  return { response, status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

function mutations() {
  return backend.requests.filter((request) => request.method !== "GET");
}

describe("authentication", () => {
  const routes: Array<[string, string]> = [
    ["POST", "/session"],
    ["POST", "/launch"],
    ["GET", "/customer"],
    ["GET", "/subscriptions"],
    ["GET", "/invoices"],
    ["GET", "/invoices/in_x/pdf"],
    ["GET", "/subscriptions/sub_alice"],
    ["POST", "/subscriptions/sub_alice/cancel"],
    ["POST", "/subscriptions/sub_alice/reactivate"],
    ["POST", "/address"],
    ["POST", "/logout"],
  ];
  it.each(routes)("%s %s answers 401 without a signed-in customer and calls no vendor API", async (method, path) => {
    const result = await call(path, { method, as: null, body: method === "POST" ? {} : undefined });
    expect(result.status).toBe(401);
    expect(result.json).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
    expect(backend.requests).toHaveLength(0);
  });

  it("ignores a customer id sent in the body: it is an unknown field", async () => {
    const result = await call("/launch", { method: "POST", body: { customerId: "cus_bob" } });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: "invalid_input", field: "customerId" } });
    expect(backend.requests).toHaveLength(0);
  });
});

describe("POST /session", () => {
  it("answers the session JSON with Content-Type application/json", async () => {
    const result = await call("/session", { method: "POST", body: { returnUrl: "https://app.example/account" } });
    expect(result.status).toBe(200);
    expect(result.response.headers.get("content-type")).toBe("application/json");
    expect(result.response.headers.get("cache-control")).toBe("no-store");
    expect(result.json).toEqual({
      id: expect.any(String),
      provider: "memory",
      url: expect.stringMatching(/^https:\/\/portal\.example\/p\//),
      expiresAt: expect.any(String),
    });
    const session = [...backend.state.sessions.values()].at(-1);
    expect(session?.customer_id).toBe("cus_alice");
  });

  it("accepts an empty body", async () => {
    const result = await call("/session", { method: "POST" });
    expect(result.status).toBe(200);
  });
});

describe("POST /launch", () => {
  it("answers the PortalLaunch for the whole portal", async () => {
    const result = await call("/launch", { method: "POST", body: {} });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ kind: "redirect", provider: "memory", url: expect.any(String) });
  });

  it("opens a section for one of the customer's subscriptions", async () => {
    const result = await call("/launch", {
      method: "POST",
      body: { section: "cancel_subscription", subscriptionId: "sub_alice" },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ kind: "redirect", section: "cancel_subscription" });
    expect(String(result.json.url)).toContain("cancel_subscription");
  });

  it("does not open a section for another customer's subscription", async () => {
    const result = await call("/launch", {
      method: "POST",
      body: { section: "cancel_subscription", subscriptionId: "sub_bob" },
    });
    expect(result.status).toBe(404);
    expect(result.json).toMatchObject({ error: { code: "not_found" } });
    expect(result.text).not.toContain("cus_bob");
  });

  it.each([
    [{ section: "billing" }, "section"],
    [{ subscriptionId: "sub_alice" }, "section"],
    [{ returnUrl: "javascript:alert(1)" }, "returnUrl"],
    [{ section: "address", extra: true }, "extra"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const result = await call("/launch", { method: "POST", body });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: "invalid_input", field } });
  });

  it("hands vendorOptions to the adapter, which checks its own entry", async () => {
    const others = await call("/launch", { method: "POST", body: { vendorOptions: { billflow: { quantity: 3 } } } });
    expect(others.status).toBe(200);
    for (const body of [
      { vendorOptions: { memory: { quantity: 3 } } },
      { section: "billing_history", vendorOptions: { memory: { quantity: 3 } } },
    ]) {
      const own = await call("/launch", { method: "POST", body });
      expect(own.status).toBe(400);
      expect(own.json).toMatchObject({ error: { code: "invalid_input", field: "vendorOptions.memory" } });
    }
  });

  it("answers 400 for a body that is not JSON or not an object", async () => {
    const broken = await call("/launch", { method: "POST", body: "{not json" });
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({ error: { code: "invalid_input" } });
    const list = await call("/launch", { method: "POST", body: "[]" });
    expect(list.status).toBe(400);
    const text = await call("/launch", { method: "POST", body: "{}", headers: { "content-type": "text/plain" } });
    expect(text.status).toBe(400);
    expect(text.json).toMatchObject({ error: { code: "invalid_request" } });
  });
});

describe("GET /invoices", () => {
  it("pages through the customer's own invoices with the cursor", async () => {
    const first = await call("/invoices?limit=2");
    expect(first.status).toBe(200);
    const page1 = first.json as { data: Array<{ id: string; customerId: string }>; nextCursor?: string };
    expect(page1.data).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const seen = [...page1.data];
    let cursor = page1.nextCursor;
    while (cursor) {
      const next = await call(`/invoices?limit=2&cursor=${encodeURIComponent(cursor)}`);
      const page = next.json as typeof page1;
      seen.push(...page.data);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((invoice) => invoice.customerId))).toEqual(new Set(["cus_alice"]));
  });

  it("filters by status, given comma-separated or repeated", async () => {
    const paid = await call("/invoices?status=paid,open&status=void");
    expect(paid.status).toBe(200);
    const none = await call("/invoices?status=void");
    expect((none.json as { data: unknown[] }).data).toHaveLength(0);
  });

  it.each([
    ["limit=abc", "limit"],
    ["limit=1000", "limit"],
    ["status=late", "status.0"],
    ["includePending=yes", "includePending"],
    ["customerId=cus_bob", "customerId"],
  ])("answers 400 naming the field for ?%s", async (query, field) => {
    const result = await call(`/invoices?${query}`);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: "invalid_input", field } });
  });
});

describe("invoice PDFs and subscriptions", () => {
  it("answers a PDF link for the customer's invoice and 404 for another's", async () => {
    const own = [...backend.state.invoices.values()].find((invoice) => invoice.customer_id === "cus_alice")!;
    const other = [...backend.state.invoices.values()].find((invoice) => invoice.customer_id === "cus_bob")!;
    const mine = await call(`/invoices/${own.id}/pdf`);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ url: expect.stringMatching(/^https:\/\/portal\.example\//) });
    const theirs = await call(`/invoices/${other.id}/pdf`);
    expect(theirs.status).toBe(404);
  });

  it("reads the customer's subscription and answers 404 for another's", async () => {
    const mine = await call("/subscriptions/sub_alice");
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ id: "sub_alice", customerId: "cus_alice", status: "active" });
    const theirs = await call("/subscriptions/sub_bob");
    expect(theirs.status).toBe(404);
    expect(theirs.json).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });

  it("answers 400 naming the id for an id that is not one", async () => {
    const result = await call(`/subscriptions/${encodeURIComponent("sub alice")}`);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: "invalid_input", field: "subscriptionId" } });
  });
});

describe("GET /customer and GET /subscriptions", () => {
  it("answers the signed-in customer as the vendor holds it, card summary included", async () => {
    const alice = await call("/customer");
    expect(alice.status).toBe(200);
    expect(alice.response.headers.get("cache-control")).toBe("no-store");
    expect(alice.json).toMatchObject({ id: "cus_alice", provider: "memory", email: "alice@example.com" });
    const bob = await call("/customer", { as: "sid-bob" });
    expect(bob.json).toMatchObject({ id: "cus_bob", email: "bob@example.com" });
    expect(mutations()).toEqual([]);
  });

  it("shows an address changed at the vendor, not a copy", async () => {
    await call("/address", {
      method: "POST",
      body: { kind: "billing", address: { line1: "9 New Road", city: "Leeds", country: "GB" } },
    });
    const customer = await call("/customer");
    expect(customer.json.billingAddress).toEqual({ line1: "9 New Road", city: "Leeds", country: "GB" });
  });

  it("lists only the signed-in customer's subscriptions, and never reads the customer from the query", async () => {
    const mine = await call("/subscriptions");
    expect(mine.status).toBe(200);
    expect((mine.json.data as Array<{ id: string }>).map((s) => s.id)).toEqual(["sub_alice"]);
    const sneaky = await call("/subscriptions?customerId=cus_bob");
    expect(sneaky.status).toBe(400);
    expect(sneaky.json).toMatchObject({ error: { code: "invalid_input", field: "customerId" } });
    const bob = await call("/subscriptions", { as: "sid-bob" });
    expect((bob.json.data as Array<{ id: string }>).map((s) => s.id)).toEqual(["sub_bob"]);
  });

  it("passes status, limit and cursor on, and names a bad one", async () => {
    const canceled = await call("/subscriptions?status=canceled");
    expect(canceled.json.data).toEqual([]);
    const active = await call("/subscriptions?status=active,trialing&limit=1");
    expect((active.json.data as unknown[]).length).toBe(1);
    expect((await call("/subscriptions?limit=101")).json).toMatchObject({ error: { field: "limit" } });
    expect((await call("/subscriptions?status=gone")).json).toMatchObject({ error: { code: "invalid_input" } });
    expect((await call("/subscriptions?cursor=bogus")).json).toMatchObject({ error: { field: "cursor" } });
  });

  it("answers 501 unsupported for a provider without the reads", async () => {
    const bare: PortalProvider = {
      ...provider,
      getCustomer: undefined,
      listSubscriptions: undefined,
      capabilities: defineCapabilities({ ...provider.capabilities, getCustomer: false, listSubscriptions: false }),
    };
    const h = createPortalHandler(bare, { authenticate, basePath: "/portal" });
    for (const path of ["/customer", "/subscriptions"]) {
      const result = await call(path, { handler: h });
      expect(result.json).toMatchObject({ error: { code: "unsupported" } });
      expect(result.status).toBe(501);
    }
    expect(backend.requests).toHaveLength(0);
  });
});

describe("POST /subscriptions/:id/cancel", () => {
  it("answers 404 for another customer's subscription and changes nothing", async () => {
    const before = structuredClone(backend.state.subscriptions.get("sub_bob"));
    const result = await call("/subscriptions/sub_bob/cancel", { method: "POST", body: { when: "now" } });
    expect(result.status).toBe(404);
    expect(result.json).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect(backend.state.subscriptions.get("sub_bob")).toEqual(before);
    expect(mutations()).toHaveLength(0);
  });

  it("answers the same 404 for a subscription that does not exist", async () => {
    const missing = await call("/subscriptions/sub_nobody/cancel", { method: "POST", body: { when: "now" } });
    const theirs = await call("/subscriptions/sub_bob/cancel", { method: "POST", body: { when: "now" } });
    expect(missing.status).toBe(404);
    expect(theirs.json.error).toMatchObject({ code: (missing.json.error as { code: string }).code });
  });

  it("cancels the customer's own subscription at period end, then reactivates it", async () => {
    const cancelled = await call("/subscriptions/sub_alice/cancel", {
      method: "POST",
      body: { when: "period_end", reason: "too expensive" },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json).toMatchObject({ id: "sub_alice", status: "cancel_scheduled" });
    expect(backend.state.subscriptions.get("sub_alice")?.cancel_at_period_end).toBe(true);

    const reactivated = await call("/subscriptions/sub_alice/reactivate", { method: "POST" });
    expect(reactivated.status).toBe(200);
    expect(reactivated.json).toMatchObject({ id: "sub_alice", status: "active" });
    expect(backend.state.subscriptions.get("sub_alice")?.cancel_at_period_end).toBe(false);
  });

  it("requires `when`", async () => {
    const result = await call("/subscriptions/sub_alice/cancel", { method: "POST", body: {} });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: "invalid_input", field: "when" } });
    expect(mutations()).toHaveLength(0);
  });
});

describe("POST /logout", () => {
  it("logs out the signed-in customer's portal session at the vendor", async () => {
    const session = await call("/session", { method: "POST" });
    const sessionId = String(session.json.id);
    expect(backend.state.sessions.get(sessionId)?.status).toBe("active");
    const result = await call("/logout", { method: "POST", body: { sessionId } });
    expect(result.status).toBe(200);
    expect(result.response.headers.get("content-type")).toBe("application/json");
    expect(result.json).toEqual({ loggedOut: true });
    expect(backend.state.sessions.get(sessionId)?.status).toBe("logged_out");
  });

  it("logs out the session a launch names", async () => {
    const launch = await call("/launch", { method: "POST", body: {} });
    const sessionId = String(launch.json.sessionId);
    expect((await call("/logout", { method: "POST", body: { sessionId } })).status).toBe(200);
    expect(backend.state.sessions.get(sessionId)?.status).toBe("logged_out");
  });

  it("answers 404 for another customer's session, as for an unknown one, and leaves it open", async () => {
    const bobs = await call("/session", { method: "POST", as: "sid-bob" });
    const sessionId = String(bobs.json.id);
    const before = mutations().length;
    const foreign = await call("/logout", { method: "POST", body: { sessionId } });
    const unknown = await call("/logout", { method: "POST", body: { sessionId: "ps_nobody" } });
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.json).toMatchObject({ error: { code: "not_found" } });
    expect(mutations()).toHaveLength(before);
    expect(backend.state.sessions.get(sessionId)?.status).toBe("active");
  });

  it("answers 400 naming sessionId when it is missing, and refuses a customerId in the body", async () => {
    const missing = await call("/logout", { method: "POST", body: {} });
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: { code: "invalid_input", field: "sessionId" } });
    const smuggled = await call("/logout", { method: "POST", body: { sessionId: "ps_1", customerId: "cus_bob" } });
    expect(smuggled.status).toBe(400);
    expect(smuggled.json).toMatchObject({ error: { code: "invalid_input", field: "customerId" } });
    expect(mutations()).toHaveLength(0);
  });

  it("refuses a cross-site logout, leaving the session open", async () => {
    const session = await call("/session", { method: "POST" });
    const sessionId = String(session.json.id);
    const result = await call("/logout", {
      method: "POST",
      body: { sessionId },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(result.status).toBe(403);
    expect(backend.state.sessions.get(sessionId)?.status).toBe("active");
  });

  it("answers 501 for a provider without logout", async () => {
    const { logout: _logout, ...rest } = provider;
    const limited: PortalProvider = {
      ...rest,
      capabilities: defineCapabilities({ ...provider.capabilities, logout: false }),
    };
    const limitedHandler = createPortalHandler(limited, { authenticate, basePath: "/portal" });
    const result = await call("/logout", { method: "POST", body: { sessionId: "ps_1" }, handler: limitedHandler });
    expect(result.status).toBe(501);
    expect(result.json).toMatchObject({ error: { code: "unsupported" } });
  });
});

describe("POST /address", () => {
  it("updates the customer's billing address", async () => {
    const result = await call("/address", {
      method: "POST",
      body: { kind: "billing", address: { line1: "1 Main St", city: "Springfield", country: "US" } },
    });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ id: "cus_alice", billingAddress: { line1: "1 Main St", country: "US" } });
    expect(backend.state.customers.get("cus_alice")?.billing_address).toMatchObject({ line1: "1 Main St" });
  });

  it("answers 400 naming the nested field", async () => {
    const result = await call("/address", { method: "POST", body: { kind: "billing", address: { country: "us" } } });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: "invalid_input", field: "address.country" } });
  });
});

describe("cross-site requests", () => {
  it("refuses a mutation marked Sec-Fetch-Site: cross-site, changing nothing", async () => {
    const result = await call("/subscriptions/sub_alice/cancel", {
      method: "POST",
      body: { when: "now" },
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
    });
    expect(result.status).toBe(403);
    expect(result.json).toMatchObject({ error: { code: "forbidden" } });
    expect(backend.state.subscriptions.get("sub_alice")?.status).toBe("active");
    expect(backend.requests).toHaveLength(0);
  });

  it("refuses a mutation from another origin even without Sec-Fetch-Site", async () => {
    const result = await call("/session", {
      method: "POST",
      headers: { origin: "https://app.example.evil.example" },
    });
    expect(result.status).toBe(403);
  });

  it("accepts an origin listed in allowedOrigins", async () => {
    const proxied = createPortalHandler(provider, {
      authenticate,
      basePath: "/portal",
      allowedOrigins: ["https://www.app.example"],
    });
    const headers = { origin: "https://www.app.example", "sec-fetch-site": "same-site" };
    const allowed = await call("/session", { method: "POST", headers, handler: proxied });
    expect(allowed.status).toBe(200);
    const refused = await call("/session", { method: "POST", headers });
    expect(refused.status).toBe(403);
  });

  it("accepts a request without browser headers (server to server)", async () => {
    const response = await handler(
      new Request(`${ORIGIN}/portal/session`, { method: "POST", headers: { cookie: "sid=sid-alice" } }),
    );
    expect(response.status).toBe(200);
  });
});

describe("routing and errors", () => {
  it("answers 404 for an unknown route and 405 with Allow for a wrong method", async () => {
    const unknown = await call("/nothing");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: "not_found" } });
    const outside = await handler(new Request(`${ORIGIN}/elsewhere/session`, { method: "POST" }));
    expect(outside.status).toBe(404);
    const wrong = await call("/session");
    expect(wrong.status).toBe(405);
    expect(wrong.response.headers.get("allow")).toBe("POST");
  });

  it("answers 501 unsupported for an optional operation the provider does not offer", async () => {
    const { reactivate: _reactivate, ...rest } = provider;
    const limited: PortalProvider = {
      ...rest,
      capabilities: defineCapabilities({ ...provider.capabilities, reactivate: false }),
    };
    const limitedHandler = createPortalHandler(limited, { authenticate, basePath: "/portal" });
    const result = await call("/subscriptions/sub_alice/reactivate", { method: "POST", handler: limitedHandler });
    expect(result.status).toBe(501);
    expect(result.json).toMatchObject({ error: { code: "unsupported" } });
  });

  it("maps a PortalError to its status and never echoes a secret", async () => {
    const failing: PortalProvider = {
      ...provider,
      listInvoices: () =>
        Promise.reject(
          new PortalError({
            code: "rate_limited",
            provider: "memory",
            message: "Slow down (api_key=sk_test_51AbCdEfGhIjKlMnOp)",
            retryAfterMs: 2000,
          }),
        ),
    };
    const result = await call("/invoices", {
      handler: createPortalHandler(failing, { authenticate, basePath: "/portal" }),
    });
    expect(result.status).toBe(429);
    expect(result.response.headers.get("retry-after")).toBe("2");
    expect(result.text).not.toContain("sk_test_51AbCdEfGhIjKlMnOp");
  });

  it("answers 500 with a generic message for an unexpected error, and reports it to onError", async () => {
    const reported: unknown[] = [];
    const secret = "sk_live_topsecretvalue123";
    const broken: PortalProvider = {
      ...provider,
      getSubscription: () => Promise.reject(new TypeError(`connect failed with key ${secret}`)),
    };
    const brokenHandler = createPortalHandler(broken, {
      authenticate,
      basePath: "/portal",
      onError: (error) => reported.push(error),
    });
    const result = await call("/subscriptions/sub_alice", { handler: brokenHandler });
    expect(result.status).toBe(500);
    expect(result.json).toEqual({ error: { code: "internal", message: "Internal server error" } });
    expect(result.text).not.toContain(secret);
    expect(result.text).not.toContain("TypeError");
    expect(reported).toHaveLength(1);
  });
});
