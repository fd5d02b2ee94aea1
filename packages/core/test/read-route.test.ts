import { describe, expect, it } from "vitest";
import { createRouteTable, readRoute, withItem } from "../src/testing";

const items = new Map([["a_1", { id: "a_1" }]]);
const route = readRoute({
  path: "/things/:id",
  params: { expand: true },
  get: (id) => items.get(id),
  found: (item) => Response.json({ found: item }),
  missing: (id) => Response.json({ missing: id }, { status: 404 }),
});

describe("readRoute", () => {
  it("is a GET on the path, taking the parameters given", () => {
    expect(route).toMatchObject({ method: "GET", path: "/things/:id", params: { expand: true } });
    const table = createRouteTable([route]);
    expect(table.match("GET", "/things/a_1")).toMatchObject({ route, pathParams: { id: "a_1" } });
  });

  it("answers the object the id names, or the vendor's 404", async () => {
    const request = (id: string) => ({ pathParams: { id } }) as unknown as Parameters<typeof route.handle>[0];
    const found = await route.handle(request("a_1"));
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ found: { id: "a_1" } });
    const missing = await route.handle(request("a_2"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ missing: "a_2" });
  });
});

describe("withItem", () => {
  it("hands the object the id names and the request to act, or answers the 404", async () => {
    const handle = withItem(
      (id) => items.get(id),
      (id) => Response.json({ missing: id }, { status: 404 }),
      (item, request) => Response.json({ item, body: request.rawBody }),
    );
    const request = (id: string) => ({ pathParams: { id }, rawBody: "x=1" }) as unknown as Parameters<typeof handle>[0];
    expect(await (await handle(request("a_1"))).json()).toEqual({ item: { id: "a_1" }, body: "x=1" });
    const missing = await handle(request("a_9"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ missing: "a_9" });
  });
});
