import type { FetchHandler } from "@portalkit/core/testing";
import { http } from "msw";
import { type SetupServerApi, setupServer } from "msw/node";

let server: SetupServerApi | undefined;

/**
 * Serves a simulator at `origin` (for example `https://api.stripe.com`) through MSW, in
 * this test process. The one MSW server starts on first use with
 * `onUnhandledRequest: "error"`: a request that reaches no simulator fails the test.
 * Returns a function that unmounts the simulator again.
 */
export function mountOnMsw(origin: string, handler: FetchHandler): () => void {
  if (!server) {
    server = setupServer();
    server.listen({ onUnhandledRequest: "error" });
  }
  const base = new URL(origin);
  const mounted = http.all(`${base.origin}/*`, ({ request }) => handler(request));
  server.use(mounted);
  return () => {
    if (!server) return;
    const remaining = server.listHandlers().filter((h) => h !== mounted);
    server.resetHandlers();
    server.use(...(remaining as Parameters<SetupServerApi["use"]>));
  };
}
