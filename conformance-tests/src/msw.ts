import type { FetchHandler } from "@portalkit/core/testing";
import { http } from "msw";
import { type SetupServer, setupServer } from "msw/node";

let server: SetupServer | undefined;

/**
 * Serves a simulator at `origin` (for example `https://api.stripe.com`) through MSW, in
 * this test process. The one MSW server starts on first use with
 * `onUnhandledRequest: "error"`: a request that reaches no simulator fails the test.
 * Returns a function that unmounts the simulator again.
 */
export function mountOnMsw(origin: string, handler: FetchHandler): () => void {
  const msw = server ?? setupServer();
  if (!server) {
    msw.listen({ onUnhandledRequest: "error" });
    server = msw;
  }
  const base = new URL(origin);
  const mounted = http.all(`${base.origin}/*`, ({ request }) => handler(request));
  msw.use(mounted);
  return () => {
    const remaining = msw.listHandlers().filter((h) => h !== mounted);
    msw.resetHandlers();
    msw.use(...(remaining as Parameters<SetupServer["use"]>));
  };
}
