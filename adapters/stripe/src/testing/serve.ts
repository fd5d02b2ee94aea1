import { type LoopbackServer, type ServeOptions, serveOnLoopback } from "@portalkit/core/testing";
import type { StripeSimulator } from "./simulator";

/**
 * Serves the simulator over node:http on loopback; point the adapter at it with
 * `apiBase: server.url`, or the SDK with `{ host: "127.0.0.1", port: server.port, protocol: "http" }`.
 */
export function serveStripeSimulator(simulator: StripeSimulator, options?: ServeOptions): Promise<LoopbackServer> {
  return serveOnLoopback((request) => simulator.handle(request), options);
}
