import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
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

  it("lets a client that is still sending read its 413 before the connection closes", async () => {
    seen = [];
    // The client sends 4 MB past the limit, then reads nothing for 300 ms: closing the socket
    // with its bytes unread would reset the connection and destroy the 413 in transit.
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    socket.write(`POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const piece = Buffer.alloc(64 * 1024, "a");
    for (let i = 0; i < 64; i += 1) socket.write(`${piece.length.toString(16)}\r\n${piece.toString()}\r\n`);
    socket.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    let received = "";
    const outcome = await new Promise<string>((resolve) => {
      socket.setEncoding("latin1");
      socket.on("data", (data: string) => {
        received += data;
      });
      socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      socket.on("close", () => resolve("closed"));
      // A connection the server never closes fails the test here, not at vitest's timeout.
      setTimeout(() => resolve("still open"), 5_000).unref();
      socket.resume();
    });
    expect(parseRaw(received).status).toBe(413);
    expect(outcome).toBe("closed");
    expect(seen).toEqual([]);
  });

  it("answers HEAD without a body", async () => {
    const response = await fetch(`${origin}/upload`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});
