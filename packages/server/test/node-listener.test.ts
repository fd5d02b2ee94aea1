import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { toNodeListener } from "@portalkit/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRaw, rawRequest, streamBody } from "./stream-probe";

// toNodeListener's own limit, under a handler that reads whatever it is given: the body is
// streamed into the Request and cut off at maxBodyBytes while it is read.

const MB = 1024 * 1024;
let server: Server;
let origin: string;
let port: number;
let seen: Array<{ method: string; bytes: number | string }> = [];

beforeAll(async () => {
  server = createServer(
    toNodeListener(
      async (request) => {
        const bytes = (await request.arrayBuffer()).byteLength;
        seen.push({ method: request.method, bytes });
        return new Response(`read ${bytes}`, { headers: { "content-type": "text/plain" } });
      },
      { maxBodyBytes: MB },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("toNodeListener", () => {
  it("passes a body within the limit through whole", async () => {
    seen = [];
    const body = Buffer.alloc(MB, "x");
    const response = await fetch(`${origin}/upload`, { method: "POST", body });
    expect(await response.text()).toBe(`read ${MB}`);
    expect(seen).toEqual([{ method: "POST", bytes: MB }]);
  });

  it("cuts a 300 MB chunked body at the limit with 413, whatever the handler answers; memory grows by at most 16 MB", async () => {
    seen = [];
    const before = process.memoryUsage().rss;
    const result = await streamBody(origin, "/upload", 300 * MB);
    expect(result.status).toBe(413);
    expect(result.body).toContain("too large");
    expect(result.sent).toBeLessThan(300 * MB);
    expect(result.peakRss - before).toBeLessThanOrEqual(16 * MB);
    // The handler never saw the body whole.
    expect(seen).toEqual([]);
  });

  it("refuses a declared Content-Length over the limit without calling the handler", async () => {
    seen = [];
    const answer = parseRaw(
      await rawRequest(
        port,
        `POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: ${2 * MB}\r\n\r\nabc`,
      ),
    );
    expect(answer.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it("answers HEAD without a body", async () => {
    const response = await fetch(`${origin}/upload`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});
