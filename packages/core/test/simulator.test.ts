import { describe, expect, it } from "vitest";
import { createSimulator, extendSimulator, type VendorErrors } from "../src/testing";

const errors: VendorErrors = {
  status: (status, { message }) => Response.json({ error: message }, { status }),
  unauthenticated: (given) => Response.json({ error: given === undefined ? "no key" : "bad key" }, { status: 401 }),
  unknownParam: (name) => Response.json({ error: "unknown", param: name }, { status: 400 }),
  invalidParam: (name) => Response.json({ error: "invalid", param: name }, { status: 400 }),
  noRoute: (_request, methods) =>
    Response.json({ error: methods.length ? "method" : "path" }, { status: methods.length ? 405 : 404 }),
};

function simulator(auth: Parameters<typeof createSimulator>[0]["auth"]) {
  return createSimulator({
    auth,
    errors,
    idempotencyHeader: "idempotency-key",
    routes: [
      {
        method: "GET",
        path: "/v1/things/:id",
        params: { expand: true, filter: { status: true } },
        handle: (request) => Response.json({ id: request.pathParams.id, input: request.input }),
      },
      {
        method: "POST",
        path: "/v1/things/:id/close",
        handle: (request) => Response.json({ closed: request.pathParams.id }),
      },
    ],
  });
}

const get = (path: string, headers: Record<string, string> = { authorization: "Bearer tok" }) =>
  new Request(`https://vendor.test${path}`, { headers });

describe("simulator", () => {
  it("routes with path parameters and refuses unknown parameters in the vendor's form", async () => {
    const sim = simulator({ scheme: "bearer", token: "tok" });
    expect(await (await sim.handle(get("/v1/things/a%20b?filter[status]=x"))).json()).toEqual({
      id: "a b",
      input: { filter: { status: "x" } },
    });
    const refused = await sim.handle(get("/v1/things/a?filter[colour]=red"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: "unknown", param: "filter[colour]" });
    expect((await sim.handle(get("/v1/nothing"))).status).toBe(404);
    expect((await sim.handle(get("/v1/things/a/close"))).status).toBe(405);
  });

  it("checks Bearer and Basic credentials", async () => {
    const bearer = simulator({ scheme: "bearer", token: "tok" });
    expect(await (await bearer.handle(get("/v1/things/a", {}))).json()).toEqual({ error: "no key" });
    expect(await (await bearer.handle(get("/v1/things/a", { authorization: "Bearer nope" }))).json()).toEqual({
      error: "bad key",
    });
    const basic = simulator({ scheme: "basic", user: "key_1" });
    expect((await basic.handle(get("/v1/things/a", { authorization: `Basic ${btoa("key_1:")}` }))).status).toBe(200);
    expect((await basic.handle(get("/v1/things/a", { authorization: `Basic ${btoa("key_2:")}` }))).status).toBe(401);
  });

  it("reads the scheme's name in any case, as HTTP does (Paddle's SDK sends `bearer`)", async () => {
    const bearer = simulator({ scheme: "bearer", token: "tok" });
    for (const scheme of ["bearer", "BEARER", "Bearer"]) {
      expect((await bearer.handle(get("/v1/things/a", { authorization: `${scheme} tok` }))).status).toBe(200);
    }
    expect((await bearer.handle(get("/v1/things/a", { authorization: "bearer TOK" }))).status).toBe(401);
    const basic = simulator({ scheme: "basic", user: "key_1" });
    expect((await basic.handle(get("/v1/things/a", { authorization: `basic ${btoa("key_1:")}` }))).status).toBe(200);
    expect((await basic.handle(get("/v1/things/a", { authorization: `Basic ${btoa("key_2:")}` }))).status).toBe(401);
  });

  it("injects one parameter error on the matching request", async () => {
    const sim = simulator(undefined);
    sim.injectParamError({ param: "filter[status]", method: ["POST"], path: /close$/ });
    expect(sim.pendingFaults).toBe(1);
    expect((await sim.handle(get("/v1/things/a"))).status).toBe(200);
    const close = () => sim.handle(new Request("https://vendor.test/v1/things/a/close", { method: "POST" }));
    expect(await (await close()).json()).toEqual({ error: "invalid", param: "filter[status]" });
    expect((await close()).status).toBe(200);
    expect(sim.requests.map((r) => r.status)).toEqual([200, 400, 200]);
  });

  it("serves on loopback", async () => {
    const sim = simulator(undefined);
    const server = await sim.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.url}/v1/things/x`)).json()).toEqual({ id: "x", input: {} });
    } finally {
      await server.close();
    }
  });

  it("extendSimulator adds the vendor's members and keeps the request log and fault count live", async () => {
    const sim = extendSimulator(simulator({ scheme: "bearer", token: "tok" }), {
      vendor: "things",
      get doubled() {
        return sim.requests.length * 2;
      },
    });
    expect(sim.vendor).toBe("things");
    expect(sim.requests).toHaveLength(0);
    await sim.handle(get("/v1/things/a"));
    expect(sim.requests).toHaveLength(1);
    expect(sim.doubled).toBe(2);
    sim.inject({ fault: { type: "status", status: 503 } });
    expect(sim.pendingFaults).toBe(1);
    expect((await sim.handle(get("/v1/things/a"))).status).toBe(503);
    expect(sim.pendingFaults).toBe(0);
    sim.clearRequests();
    expect(sim.requests).toHaveLength(0);
  });
});
