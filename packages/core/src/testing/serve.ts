import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FetchHandler, toNodeListener } from "../node";

export type { FetchHandler };

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulators never listen beyond loopback. */
  host?: string;
}

/**
 * Serves a fetch-standard handler over node:http on loopback. A `Response.error()` answer
 * drops the connection, as a connection reset would.
 */
export async function serveOnLoopback(handler: FetchHandler, options: ServeOptions = {}): Promise<LoopbackServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer(toNodeListener(handler));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
