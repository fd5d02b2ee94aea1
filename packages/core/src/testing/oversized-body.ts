import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface OversizedBodyOptions {
  /** How many bytes the answer would have in all. */
  totalBytes: number;
  /** `chunked`: streamed with no Content-Length; `declared`: a Content-Length of `totalBytes`. */
  mode: "chunked" | "declared";
  /** The size of each write. Default 16 KiB. */
  chunkBytes?: number;
  /** The answer's status. Default 200. */
  status?: number;
}

export interface OversizedBodyServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The body bytes written so far, over every request. */
  readonly written: number;
  /** The requests answered so far. */
  readonly requests: number;
  /** Settles once a response's connection is closed, with whether its body was all written. */
  closed(): Promise<{ complete: boolean }>;
  close(): Promise<void>;
}

/**
 * A vendor on loopback that answers every request with a JSON-looking body of `totalBytes`
 * (a `[` and then spaces), written with backpressure: a client that stops reading and
 * closes the connection leaves the rest unwritten, which `written` and `closed()` show.
 */
export async function serveOversizedBody(options: OversizedBodyOptions): Promise<OversizedBodyServer> {
  const chunk = Buffer.alloc(options.chunkBytes ?? 16 * 1024, 0x20);
  let written = 0;
  let requests = 0;
  const waiters: Array<(result: { complete: boolean }) => void> = [];
  const closings: Array<{ complete: boolean }> = [];
  const settle = (result: { complete: boolean }) => {
    const waiter = waiters.shift();
    if (waiter) waiter(result);
    else closings.push(result);
  };
  const server = createServer((req, res) => {
    requests += 1;
    req.resume();
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.mode === "declared") headers["content-length"] = String(options.totalBytes);
    res.writeHead(options.status ?? 200, headers);
    let remaining = options.totalBytes;
    let complete = false;
    res.once("close", () => settle({ complete }));
    const pump = (out: ServerResponse) => {
      while (remaining > 0 && !out.destroyed) {
        const size = Math.min(remaining, chunk.length);
        remaining -= size;
        written += size;
        const more = out.write(size === chunk.length ? chunk : chunk.subarray(0, size));
        if (!more) {
          out.once("drain", () => pump(out));
          return;
        }
      }
      if (remaining === 0 && !out.destroyed) {
        complete = true;
        out.end();
      }
    };
    pump(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get written() {
      return written;
    },
    get requests() {
      return requests;
    },
    closed: () => {
      const done = closings.shift();
      return done ? Promise.resolve(done) : new Promise((resolve) => waiters.push(resolve));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
