import { PortalError, type PortalProvider } from "@portalkit/core";
import { isCrossSite } from "./cross-site";
import { errorResponse, json, methodNotAllowed } from "./respond";
import { ROUTES, type Route } from "./routes";

export interface PortalHandlerOptions {
  /**
   * The signed-in customer's id for this request (from your session cookie or token), or
   * null when nobody is signed in. The customer is never read from the body or URL.
   */
  authenticate: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /** Where the handler is mounted, e.g. "/portal" for `/portal/session`. Default: "". */
  basePath?: string;
  /**
   * Origins besides the request's own that may call the mutating routes, e.g. the app's
   * public origin when a proxy forwards requests under another host or scheme.
   */
  allowedOrigins?: readonly string[];
  /** Called with every error before it is answered (for logging); never changes the answer. */
  onError?: (error: unknown, request: Request) => void;
}

export type PortalHandler = (request: Request) => Promise<Response>;

type Match = { route: Route; id: string } | { allow: string[] } | undefined;

function match(segments: readonly string[], method: string): Match {
  const allow: string[] = [];
  for (const route of ROUTES) {
    if (route.path.length !== segments.length) continue;
    let id = "";
    const fits = route.path.every((part, index) => {
      const segment = segments[index] ?? "";
      if (part !== ":id") return part === segment;
      id = segment;
      return segment !== "";
    });
    if (!fits) continue;
    if (route.method === method) return { route, id };
    allow.push(route.method);
  }
  return allow.length > 0 ? { allow } : undefined;
}

/**
 * A fetch-standard handler for the portal routes of the signed-in customer:
 * `POST /session`, `POST /launch`, `GET /invoices`, `GET /invoices/:id/pdf`,
 * `GET /subscriptions/:id`, `POST /subscriptions/:id/cancel`,
 * `POST /subscriptions/:id/reactivate` and `POST /address`, all JSON.
 */
export function createPortalHandler(provider: PortalProvider, options: PortalHandlerOptions): PortalHandler {
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const fail = (code: "not_found" | "forbidden" | "unauthenticated" | "invalid_input", message: string) =>
    new PortalError({ code, provider: provider.id, message });

  return async (request) => {
    try {
      const url = new URL(request.url);
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        throw fail("not_found", "No such portal route");
      }
      let segments: string[];
      try {
        segments = url.pathname.slice(basePath.length).split("/").slice(1).map(decodeURIComponent);
      } catch {
        throw fail("invalid_input", "The request path is not valid");
      }
      const found = match(segments, request.method);
      if (!found) throw fail("not_found", "No such portal route");
      if ("allow" in found) return methodNotAllowed(request.method, found.allow);
      const { route, id } = found;
      if (route.method === "POST" && isCrossSite(request, allowedOrigins)) {
        throw fail("forbidden", "Cross-site requests are not allowed");
      }
      const customerId = await options.authenticate(request);
      if (!customerId) throw fail("unauthenticated", "Sign in to manage billing");
      return json(200, await route.handle({ provider, customerId, id, request, url }));
    } catch (error) {
      try {
        options.onError?.(error, request);
      } catch {
        // A failing logger must not change the answer.
      }
      return errorResponse(error);
    }
  };
}
