import { describe, expect, it } from "vitest";
import { createSimulatorKit, flattenForm, parseForm, serveOnLoopback } from "../src/testing/index";

function kit() {
  let applied = 0;
  const sim = createSimulatorKit({
    idempotencyHeader: "idempotency-key",
    errorResponse: (status, { message, retryAfter }) =>
      Response.json(
        { error: { message } },
        { status, headers: retryAfter === undefined ? {} : { "retry-after": String(retryAfter) } },
      ),
    route: (request) => {
      if (request.method === "POST") applied++;
      return Response.json({ applied, form: request.form, query: request.query });
    },
  });
  return { sim, applied: () => applied };
}

const post = (key?: string, body = "a=1") =>
  new Request("http://sim.test/v1/things", {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", ...(key ? { "idempotency-key": key } : {}) },
  });

describe("simulator kit", () => {
  it("logs requests without the authorization value", async () => {
    const { sim } = kit();
    await sim.handle(new Request("http://sim.test/v1/x?limit=2", { headers: { authorization: "Bearer sk_test_1" } }));
    expect(sim.requests[0]).toMatchObject({ method: "GET", path: "/v1/x", query: { limit: "2" }, status: 200 });
    expect(sim.requests[0]?.headers.authorization).toBe("[redacted]");
  });

  it("applies a fault to the matching request after skipping some", async () => {
    const { sim } = kit();
    sim.inject({ fault: { type: "status", status: 429, retryAfter: 1 }, path: "/v1/x", skip: 1 });
    expect((await sim.handle(new Request("http://sim.test/v1/x"))).status).toBe(200);
    const faulted = await sim.handle(new Request("http://sim.test/v1/x"));
    expect(faulted.status).toBe(429);
    expect(faulted.headers.get("retry-after")).toBe("1");
    expect((await sim.handle(new Request("http://sim.test/v1/x"))).status).toBe(200);
    expect(sim.pendingFaults).toBe(0);
  });

  it("answers html, malformed json and dropped connections", async () => {
    const { sim } = kit();
    sim.inject({ fault: { type: "html", status: 502 } });
    sim.inject({ fault: { type: "malformed-json" } });
    sim.inject({ fault: { type: "reset" } });
    const html = await sim.handle(new Request("http://sim.test/a"));
    expect([html.status, html.headers.get("content-type")]).toEqual([502, "text/html"]);
    const bad = await sim.handle(new Request("http://sim.test/a"));
    await expect(bad.json()).rejects.toThrow();
    expect((await sim.handle(new Request("http://sim.test/a"))).type).toBe("error");
  });

  it("applies a mutation once per idempotency key, even when the first answer was lost", async () => {
    const { sim, applied } = kit();
    sim.inject({ fault: { type: "reset" }, method: "POST", phase: "after" });
    expect((await sim.handle(post("k1"))).type).toBe("error");
    expect(applied()).toBe(1);
    const replay = await sim.handle(post("k1"));
    expect(await replay.json()).toMatchObject({ applied: 1 });
    expect(sim.requests.at(-1)?.replayed).toBe(true);
    expect((await sim.handle(post("k1", "a=2"))).status).toBe(400);
    await sim.handle(post("k2"));
    expect(applied()).toBe(2);
  });

  it("hands the real answer to a corrupt fault and sends what it returns", async () => {
    const { sim, applied } = kit();
    sim.inject({
      fault: { type: "corrupt", corrupt: async (real) => new Response(`${await real.text()}!!`, { status: 502 }) },
      times: 2,
    });
    const first = await sim.handle(post("k9"));
    expect(first.status).toBe(502);
    expect(await first.text()).toMatch(/"applied":1.*!!$/);
    expect(applied()).toBe(1);
    expect(sim.requests.at(-1)).toMatchObject({ fault: "corrupt", status: 502 });
  });

  it("serves on loopback and drops the connection for a reset", async () => {
    const { sim } = kit();
    const server = await serveOnLoopback(sim.handle);
    try {
      const ok = await fetch(`${server.url}/v1/x?a[b]=1`);
      expect(await ok.json()).toMatchObject({ query: { a: { b: "1" } } });
      sim.inject({ fault: { type: "reset" } });
      await expect(fetch(`${server.url}/v1/x`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});

describe("form encoding", () => {
  it("parses nested brackets and arrays, and flattens back", () => {
    const form = parseForm("shipping[address][line1]=1+Main&expand[]=a&expand[]=b&items[0][price]=p1&limit=10");
    expect(form).toEqual({
      shipping: { address: { line1: "1 Main" } },
      expand: ["a", "b"],
      items: [{ price: "p1" }],
      limit: "10",
    });
    expect(flattenForm({ shipping: { address: { line1: "x" } }, items: [{ price: "p" }] })).toEqual([
      ["shipping[address][line1]", "x"],
      ["items[0][price]", "p"],
    ]);
  });
});
