import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { twoCustomers } from "@portalkit/conformance/world";
import type { PortalProvider } from "@portalkit/core";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend, type MemoryBackend } from "@portalkit/memory/testing";
import { createPortalHandler, type PortalHandler, toNodeListener } from "@portalkit/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseRaw, rawRequest, streamBody, tricklingBody } from "./stream-probe";

// The probes of an attacker against @portalkit/server, mounted as apps mount it: oversized
// and slow bodies, open redirects, Host/Origin forgery, method confusion, bad encodings,
// and one customer reaching for another's objects on every route.

const ORIGIN = "https://app.example";
const SESSIONS: Record<string, string> = { "sid-alice": "cus_alice", "sid-bob": "cus_bob" };
const MB = 1024 * 1024;

function authenticate(request: Request): string | null {
  const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
  return sid ? (SESSIONS[sid] ?? null) : null;
}

let backend: MemoryBackend;
let provider: PortalProvider;
let handler: PortalHandler;

function fresh(origin = ORIGIN, allowedOrigins: string[] = []) {
  backend = createMemoryBackend({ world: twoCustomers(), portalUrl: "https://portal.example" });
  provider = createMemoryProvider({ fetch: backend.fetch, retry: { maxAttempts: 1 } });
  handler = createPortalHandler(provider, { authenticate, basePath: "/portal", origin, allowedOrigins });
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}, url = ORIGIN) {
  const response = await handler(
    new Request(`${url}/portal${path}`, {
      method: "POST",
      headers: { cookie: "sid=sid-alice", origin: ORIGIN, "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as { error?: { code: string; field?: string } } };
}

const mutations = () => backend.requests.filter((request) => request.method !== "GET");

describe("open redirects: returnUrl must be on an allowed origin", () => {
  beforeEach(() => fresh(ORIGIN, ["https://docs.app.example"]));

  const refused = [
    "https://evil.example/phish",
    "http://127.0.0.1:3000@evil.example/",
    "https://app.example@evil.example/account",
    "https://user:pass@app.example/account",
    "https://app.example.evil.example/",
    "https://evil.example/?https://app.example/",
    "http://app.example/account", // another scheme is another origin
    "https://app.example:8443/account", // another port too
    "//evil.example/",
    "/\\evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://app.example/",
    "https://evil.example\\@app.example/",
    " https://evil.example/",
    "",
  ];
  it.each(["/session", "/launch"])(
    "%s refuses every returnUrl off the allowed origins as invalid_input",
    async (path) => {
      for (const returnUrl of refused) {
        const result = await post(path, { returnUrl });
        expect(result.status, returnUrl).toBe(400);
        expect(result.json.error, returnUrl).toMatchObject({ code: "invalid_input", field: "returnUrl" });
      }
      expect(backend.state.sessions.size).toBe(0);
    },
  );

  it.each(["/session", "/launch"])(
    "%s accepts the app's own origin (any case, default port) and the allowed ones",
    async (path) => {
      for (const returnUrl of [
        "https://app.example/account",
        "HTTPS://APP.EXAMPLE/account?tab=billing",
        "https://app.example:443/account",
        "https://docs.app.example/back",
      ]) {
        const result = await post(path, { returnUrl });
        expect(result.status, returnUrl).toBe(200);
      }
    },
  );

  it("checks a section launch's returnUrl too", async () => {
    const result = await post("/launch", { section: "billing_history", returnUrl: "https://evil.example/" });
    expect(result.json.error).toMatchObject({ code: "invalid_input", field: "returnUrl" });
  });

  it("without a configured origin, uses the request's own", async () => {
    backend = createMemoryBackend({ world: twoCustomers(), portalUrl: "https://portal.example" });
    provider = createMemoryProvider({ fetch: backend.fetch, retry: { maxAttempts: 1 } });
    handler = createPortalHandler(provider, { authenticate, basePath: "/portal" });
    expect((await post("/session", { returnUrl: "https://app.example/account" })).status).toBe(200);
    expect((await post("/session", { returnUrl: "https://evil.example/" })).status).toBe(400);
  });

  it("refuses a configured origin that is not one", () => {
    expect(() => createPortalHandler(provider, { authenticate, origin: "app.example" })).toThrow(/origin/);
  });
});

describe("Host and Origin forgery", () => {
  beforeEach(() => fresh());

  it("refuses a forged Host with a matching Origin when the app's origin is configured", async () => {
    const forged = await post(
      "/subscriptions/sub_alice/cancel",
      { when: "now" },
      { origin: "https://rebind.example" },
      "https://rebind.example",
    );
    expect(forged.status).toBe(403);
    expect(forged.json.error).toMatchObject({ code: "forbidden" });
    const redirect = await post(
      "/session",
      { returnUrl: "https://rebind.example/" },
      { origin: ORIGIN },
      "https://rebind.example",
    );
    expect(redirect.json.error).toMatchObject({ code: "invalid_input", field: "returnUrl" });
    expect(mutations()).toHaveLength(0);
  });

  it.each([
    ["another site", { origin: "https://evil.example" }],
    ["a look-alike", { origin: "https://app.example.evil.example" }],
    ["a null origin", { origin: "null" }],
    ["another scheme", { origin: "http://app.example" }],
    ["Sec-Fetch-Site cross-site", { origin: ORIGIN, "sec-fetch-site": "cross-site" }],
  ])("refuses a mutation from %s", async (_, headers) => {
    const result = await post("/subscriptions/sub_alice/cancel", { when: "now" }, headers);
    expect(result.status).toBe(403);
    expect(mutations()).toHaveLength(0);
  });
});

describe("method confusion", () => {
  beforeEach(() => fresh());

  const get = (path: string, method: string, headers: Record<string, string> = {}) =>
    handler(new Request(`${ORIGIN}/portal${path}`, { method, headers: { cookie: "sid=sid-alice", ...headers } }));

  it("answers HEAD on GET routes like GET, without a body", async () => {
    for (const path of ["/invoices", "/subscriptions/sub_alice", "/invoices/in_x/pdf"]) {
      const [head, full] = [await get(path, "HEAD"), await get(path, "GET")];
      expect(head.status, path).toBe(full.status);
      expect(head.headers.get("content-type")).toBe(full.headers.get("content-type"));
      expect(await head.text()).toBe("");
    }
  });

  it.each(["PUT", "PATCH", "DELETE", "OPTIONS"])("answers %s on a known route with 405 and Allow", async (method) => {
    const response = await get("/subscriptions/sub_alice", method);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(await response.json()).toMatchObject({ error: { code: "invalid_request" } });
  });

  it("does not cancel on GET, nor on a method-override header", async () => {
    expect((await get("/subscriptions/sub_alice/cancel", "GET")).status).toBe(405);
    const overridden = await get("/subscriptions/sub_alice", "GET", {
      "x-http-method-override": "POST",
      "x-method-override": "DELETE",
    });
    expect(overridden.status).toBe(200);
    expect(mutations()).toHaveLength(0);
  });
});

describe("bad encodings", () => {
  beforeEach(() => fresh());

  it.each(["/subscriptions/%E0%A4%A", "/subscriptions/%", "/invoices/%ZZ/pdf", "/subscriptions/%C0%AF"])(
    "answers 400 JSON for the bad escape in %s",
    async (path) => {
      const response = await handler(new Request(`${ORIGIN}/portal${path}`, { headers: { cookie: "sid=sid-alice" } }));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_input" } });
    },
  );

  it.each([
    ["invalid JSON", "{", "application/json"],
    ["a JSON array", "[]", "application/json"],
    ["a form body", "when=now", "application/x-www-form-urlencoded"],
    ["text", "now", "text/plain"],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString("latin1"), "application/json"],
  ])("answers 400 for %s and changes nothing", async (_, body, type) => {
    const result = await post("/subscriptions/sub_alice/cancel", body, { "content-type": type });
    expect(result.status).toBe(400);
    expect(mutations()).toHaveLength(0);
  });

  it("answers 400 for a cursor that is not one, and for another customer's cursor", async () => {
    const garbage = await handler(
      new Request(`${ORIGIN}/portal/invoices?cursor=%00%FF`, { headers: { cookie: "sid=sid-alice" } }),
    );
    expect(garbage.status).toBe(400);
    const bobs = await handler(
      new Request(`${ORIGIN}/portal/invoices?limit=1`, { headers: { cookie: "sid=sid-bob" } }),
    );
    const { nextCursor } = (await bobs.json()) as { nextCursor?: string };
    expect(nextCursor).toBeTruthy();
    const reused = await handler(
      new Request(`${ORIGIN}/portal/invoices?cursor=${encodeURIComponent(nextCursor ?? "")}`, {
        headers: { cookie: "sid=sid-alice" },
      }),
    );
    const text = await reused.text();
    expect(text).not.toContain("cus_bob");
    expect(reused.status === 400 || (JSON.parse(text) as { data: unknown[] }).data.length >= 0).toBe(true);
  });
});

describe("IDOR: one customer reaching for the other's objects on every route", () => {
  beforeEach(() => fresh());

  async function bobsInvoice(): Promise<string> {
    const response = await handler(new Request(`${ORIGIN}/portal/invoices`, { headers: { cookie: "sid=sid-bob" } }));
    const { data } = (await response.json()) as { data: Array<{ id: string }> };
    return data[0]?.id ?? "";
  }

  it("answers 404 for every route naming Bob's subscription or invoice, and changes nothing of his", async () => {
    const invoice = await bobsInvoice();
    const before = structuredClone(backend.state.subscriptions.get("sub_bob"));
    const probes: Array<[string, string, unknown]> = [
      ["GET", `/invoices/${invoice}/pdf`, undefined],
      ["GET", "/subscriptions/sub_bob", undefined],
      ["POST", "/subscriptions/sub_bob/cancel", { when: "now" }],
      ["POST", "/subscriptions/sub_bob/cancel", { when: "period_end" }],
      ["POST", "/subscriptions/sub_bob/reactivate", {}],
      ["POST", "/launch", { section: "cancel_subscription", subscriptionId: "sub_bob" }],
      ["POST", "/launch", { section: "subscription_details", subscriptionId: "sub_bob", fallback: "portal" }],
      ["POST", "/address", { kind: "shipping", subscriptionId: "sub_bob", address: { line1: "x", country: "US" } }],
    ];
    for (const [method, path, body] of probes) {
      const response = await handler(
        new Request(`${ORIGIN}/portal${path}`, {
          method,
          headers: { cookie: "sid=sid-alice", origin: ORIGIN, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await response.text();
      expect([404, 501], `${method} ${path}`).toContain(response.status);
      // An error and nothing of Bob's: the same answer as for an id that does not exist.
      expect(Object.keys(JSON.parse(text) as object)).toEqual(["error"]);
      expect(text).not.toContain("bob@example.com");
    }
    expect(backend.state.subscriptions.get("sub_bob")).toEqual(before);
  });

  it("never takes the customer from the body, the query or a header", async () => {
    const fromBody = await post("/session", { customerId: "cus_bob" });
    expect(fromBody.json.error).toMatchObject({ code: "invalid_input", field: "customerId" });
    const fromQuery = await handler(
      new Request(`${ORIGIN}/portal/invoices?customerId=cus_bob`, {
        headers: { cookie: "sid=sid-alice", "x-customer-id": "cus_bob" },
      }),
    );
    expect(fromQuery.status).toBe(400);
    const listed = await handler(
      new Request(`${ORIGIN}/portal/invoices`, { headers: { cookie: "sid=sid-alice", "x-customer-id": "cus_bob" } }),
    );
    const { data } = (await listed.json()) as { data: Array<{ customerId: string }> };
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((invoice) => invoice.customerId === "cus_alice")).toBe(true);
  });
});

describe("over HTTP, mounted with toNodeListener", () => {
  let server: Server;
  let origin: string;
  let port: number;

  beforeAll(async () => {
    fresh();
    server = createServer(toNodeListener((request) => handler(request)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
    fresh(origin);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("stops reading a 300 MB chunked body at the limit: 413, and memory grows by at most 16 MB", async () => {
    const before = process.memoryUsage().rss;
    const result = await streamBody(origin, "/portal/session", 300 * MB, {
      cookie: "sid=sid-alice",
      "content-type": "application/json",
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "invalid_request" } });
    expect(result.sent).toBeLessThan(300 * MB);
    expect(result.peakRss - before).toBeLessThanOrEqual(16 * MB);
  });

  it("refuses a declared Content-Length over the limit before reading it", async () => {
    const answer = parseRaw(
      await rawRequest(
        port,
        `POST /portal/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{`,
      ),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("too large");
  });

  it("answers a slow body that ends within the limit, and cuts one that trickles past it", async () => {
    const slowSmall = await tricklingBody(origin, "/portal/session", 20, 1, {
      cookie: "sid=sid-alice",
      "content-type": "application/json",
    });
    // Twenty spaces: an empty body, so the session is made.
    expect(slowSmall.status).toBe(200);
    const slowLarge = await tricklingBody(origin, "/portal/session", 200, 1024, {
      cookie: "sid=sid-alice",
      "content-type": "application/json",
    });
    expect(slowLarge.status).toBe(413);
  });

  it("serves other requests while a slow body is still arriving", async () => {
    const slow = tricklingBody(origin, "/portal/session", 200, 1, {
      cookie: "sid=sid-alice",
      "content-type": "application/json",
    });
    const meanwhile = await fetch(`${origin}/portal/invoices?limit=1`, { headers: { cookie: "sid=sid-alice" } });
    expect(meanwhile.status).toBe(200);
    expect((await slow).status).toBe(200);
  });

  it.each([
    ["TRACE", `TRACE /portal/invoices HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`, 405],
    [
      "an absolute-form target",
      `GET http://evil.example/portal/invoices HTTP/1.1\r\nHost: HOST\r\nConnection: close\r\n\r\n`,
      400,
    ],
    ["an invalid Host", `GET /portal/invoices HTTP/1.1\r\nHost: evil.example@x\r\nConnection: close\r\n\r\n`, 400],
    ["a Host with a path", `GET /portal/invoices HTTP/1.1\r\nHost: x/y\r\nConnection: close\r\n\r\n`, 400],
  ])("answers %s with a 4xx and a body", async (_, text, status) => {
    const answer = parseRaw(await rawRequest(port, text.replace("HOST", `127.0.0.1:${port}`)));
    expect(answer.status).toBe(status);
    expect(answer.body.trim()).not.toBe("");
  });

  it("answers HEAD over HTTP with the GET status and no body", async () => {
    const response = await fetch(`${origin}/portal/invoices`, { method: "HEAD", headers: { cookie: "sid=sid-alice" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});
