import { PortalError, type PortalProvider } from "@portalkit/core";
import { isCrossSite } from "./cross-site";
import { DEFAULT_MAX_JSON_BYTES } from "./read-body";
import { errorResponse, json, methodNotAllowed, withoutBody } from "./respond";
import { originOf } from "./return-url";
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
   * The app's own public origin, e.g. "https://app.example". It may call the mutating routes
   * and a `returnUrl` may point at it. Default: the origin of each request's URL (set this
   * when the app runs behind a proxy, or to stop trusting the `Host` header).
   */
  origin?: string;
  /**
   * Origins besides the app's own that may call the mutating routes and that a `returnUrl`
   * may point at (another app of yours the vendor's portal sends the customer back to).
   */
  allowedOrigins?: readonly string[];
  /** The most bytes a JSON body may hold, counted while it is read; past it: 413. Default 64 KiB. */
  maxBodyBytes?: number;
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
 * `POST /session`, `POST /launch`, `GET /customer`, `GET /invoices`, `GET /invoices/:id/pdf`,
 * `GET /subscriptions`, `GET /subscriptions/:id`, `POST /subscriptions/:id/cancel`,
 * `POST /subscriptions/:id/reactivate`, `POST /address` and `POST /logout`, all JSON.
 */
export function createPortalHandler(provider: PortalProvider, options: PortalHandlerOptions): PortalHandler {
  const basePath = (options.basePath ?? "").replace(/\/+$/, "");
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_JSON_BYTES;
  const configured = (value: string, name: string) => {
    const origin = originOf(value);
    if (origin === undefined) {
      throw new PortalError({
        code: "invalid_input",
        provider: provider.id,
        field: name,
        message: `${name} must hold http(s) origins`,
      });
    }
    return origin;
  };
  const ownOrigin = options.origin === undefined ? undefined : configured(options.origin, "origin");
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((origin) => configured(origin, "allowedOrigins")));
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
      // HEAD is GET without the body.
      const head = request.method === "HEAD";
      const found = match(segments, head ? "GET" : request.method);
      if (!found) throw fail("not_found", "No such portal route");
      if ("allow" in found) {
        const allow = found.allow.includes("GET") ? [...found.allow, "HEAD"] : found.allow;
        const answer = methodNotAllowed(request.method, allow);
        return head ? withoutBody(answer) : answer;
      }
      const { route, id } = found;
      const own = ownOrigin ?? url.origin;
      if (route.method === "POST" && isCrossSite(request, own, allowedOrigins)) {
        throw fail("forbidden", "Cross-site requests are not allowed");
      }
      const customerId = await options.authenticate(request);
      if (!customerId) throw fail("unauthenticated", "Sign in to manage billing");
      const returnOrigins = new Set([own, ...allowedOrigins]);
      const answer = json(
        200,
        await route.handle({ provider, customerId, id, request, url, maxBodyBytes, returnOrigins }),
      );
      return head ? withoutBody(answer) : answer;
    } catch (error) {
      try {
        options.onError?.(error, request);
      } catch {
        // A failing logger must not change the answer.
      }
      const answer = errorResponse(error);
      return request.method === "HEAD" ? withoutBody(answer) : answer;
    }
  };
}
