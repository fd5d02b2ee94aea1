import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { twoCustomers } from "@portalkit/conformance/world";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend } from "@portalkit/memory/testing";
import { createPortalHandler, toNodeListener } from "@portalkit/server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

function setup() {
  const backend = createMemoryBackend({ world: twoCustomers(), portalUrl: "https://portal.example" });
  const provider = createMemoryProvider({ fetch: backend.fetch, retry: { maxAttempts: 1 } });
  const handler = createPortalHandler(provider, {
    basePath: "/portal",
    authenticate: (request) => (request.headers.get("authorization") === "Bearer alice-token" ? "cus_alice" : null),
  });
  return { backend, handler };
}

describe("mounted in Hono", () => {
  const { backend, handler } = setup();
  const app = new Hono();
  app.get("/", (c) => c.text("home"));
  app.all("/portal/*", (c) => handler(c.req.raw));

  it("serves the portal routes under /portal", async () => {
    const response = await app.request("/portal/launch", {
      method: "POST",
      headers: { authorization: "Bearer alice-token", "content-type": "application/json" },
      body: JSON.stringify({ section: "billing_history" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ kind: "redirect", provider: "memory", section: "billing_history" });
  });

  it("keeps the ownership check: another customer's subscription is 404 and unchanged", async () => {
    const before = structuredClone(backend.state.subscriptions.get("sub_bob"));
    const response = await app.request("/portal/subscriptions/sub_bob/cancel", {
      method: "POST",
      headers: { authorization: "Bearer alice-token", "content-type": "application/json" },
      body: JSON.stringify({ when: "now" }),
    });
    expect(response.status).toBe(404);
    expect(backend.state.subscriptions.get("sub_bob")).toEqual(before);
  });

  it("answers 401 without a signed-in customer", async () => {
    const response = await app.request("/portal/invoices");
    expect(response.status).toBe(401);
  });
});

describe("mounted on node:http with toNodeListener", () => {
  const { backend, handler } = setup();
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("serves a session over HTTP as application/json", async () => {
    const response = await fetch(`${origin}/portal/session`, {
      method: "POST",
      headers: { authorization: "Bearer alice-token", origin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toMatchObject({ provider: "memory", url: expect.any(String) });
  });

  it("pages invoices over HTTP", async () => {
    const response = await fetch(`${origin}/portal/invoices?limit=3`, {
      headers: { authorization: "Bearer alice-token" },
    });
    const page = (await response.json()) as { data: unknown[]; nextCursor?: string };
    expect(page.data).toHaveLength(3);
    expect(page.nextCursor).toBeTruthy();
  });

  it("refuses a cross-site cancel and answers 404 for another customer's subscription", async () => {
    const crossSite = await fetch(`${origin}/portal/subscriptions/sub_alice/cancel`, {
      method: "POST",
      headers: {
        authorization: "Bearer alice-token",
        "content-type": "application/json",
        origin: "https://evil.example",
      },
      body: JSON.stringify({ when: "now" }),
    });
    expect(crossSite.status).toBe(403);
    const before = structuredClone(backend.state.subscriptions.get("sub_bob"));
    const theirs = await fetch(`${origin}/portal/subscriptions/sub_bob/cancel`, {
      method: "POST",
      headers: { authorization: "Bearer alice-token", "content-type": "application/json", origin },
      body: JSON.stringify({ when: "now" }),
    });
    expect(theirs.status).toBe(404);
    expect(backend.state.subscriptions.get("sub_bob")).toEqual(before);
    expect(backend.state.subscriptions.get("sub_alice")?.status).toBe("active");
  });
});
