import { createRouteTable, type RouteRequest, type RouteSpec } from "./route-table";
import { type LoopbackServer, type ServeOptions, serveOnLoopback } from "./serve";
import { createSimulatorKit, type FaultRule, type RecordedRequest, type SimRequest } from "./simulator-kit";

/** How a simulator checks credentials: a Bearer token, or HTTP Basic (the API key as user name). */
export type SimAuth =
  | { scheme: "bearer"; token: string }
  | { scheme: "basic"; user: string /** Checked only when given. */; password?: string };

/** What a bare-status answer says: the message, and the Retry-After an injected fault gives. */
export interface StatusErrorDetails {
  message: string;
  retryAfter?: number | string;
}

/** The `retry-after` header for an answer, when it has one (empty otherwise). */
export function retryAfterHeader(retryAfter: number | string | undefined): Record<string, string> {
  return retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
}

/** The vendor's own error answers, in its format. */
export interface VendorErrors {
  /** The answer for a bare status (injected `status` faults, idempotency conflicts). */
  status(status: number, details: StatusErrorDetails): Response;
  /** Credentials missing (`given` undefined) or wrong. */
  unauthenticated(given: string | undefined): Response;
  /** A parameter the endpoint does not know, named in bracket form. */
  unknownParam(name: string, request: SimRequest): Response;
  /** A parameter refused as invalid (injected parameter errors). */
  invalidParam(name: string, request: SimRequest): Response;
  /** No route: `methods` lists the methods the path has (empty: the path is unknown). */
  noRoute(request: SimRequest, methods: readonly string[]): Response;
}

export interface SimulatorOptions {
  routes: readonly RouteSpec[];
  errors: VendorErrors;
  /** Omitted: requests are not authenticated. */
  auth?: SimAuth;
  /** Lower-case name of the vendor's idempotency header. */
  idempotencyHeader: string;
  /** Checks run after authentication and before routing (content types, API prefixes); an answer ends the request. */
  before?: (request: SimRequest) => Response | undefined;
  /**
   * Called once a request has been answered by its route: where a simulator commits the
   * records the route changed in place (`ObservedMap.commit`), which reports them as changes.
   */
  after?: (request: SimRequest) => void;
}

/** Which requests an injected parameter error applies to; omitted fields match any. */
export interface ParamErrorRule {
  /** The parameter the vendor names, in its own (bracket) form: `billing_address[line1]`. */
  param: string;
  method?: string | readonly string[];
  path?: string | RegExp;
}

/** The surface every simulator offers, whatever the vendor. */
export interface Simulator {
  /** Fetch-standard handler: mount it on MSW or serve it with `listen`. */
  handle(request: Request): Promise<Response>;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  inject(rule: FaultRule): void;
  /** The next matching request is refused as the vendor refuses an invalid parameter. */
  injectParamError(rule: ParamErrorRule): void;
  /** Drops every pending fault and parameter error. */
  clearFaults(): void;
  readonly pendingFaults: number;
  /** Serves the simulator on 127.0.0.1 (a free port unless one is given). */
  listen(options?: ServeOptions): Promise<LoopbackServer>;
}

/** What a vendor simulator adds: loading a world and forgetting it. */
export interface VendorSimulator<W> extends Simulator {
  seed(world: W): void;
  /** Forgets every object (the request log and faults stay). */
  reset(): void;
}

function matches(rule: ParamErrorRule, request: SimRequest): boolean {
  if (rule.method !== undefined) {
    const methods = typeof rule.method === "string" ? [rule.method] : rule.method;
    if (!methods.includes(request.method)) return false;
  }
  if (rule.path === undefined) return true;
  return typeof rule.path === "string" ? rule.path === request.path : rule.path.test(request.path);
}

// An auth scheme's name is case-insensitive (RFC 9110 §11.1): Paddle's SDK sends `bearer`.
function credentials(auth: SimAuth, header: string | null): { given: string | undefined; ok: boolean } {
  if (auth.scheme === "bearer") {
    const found = /^Bearer (.+)$/i.exec(header ?? "");
    const given = found?.[1];
    return { given, ok: given === auth.token };
  }
  const basic = /^Basic (.*)$/i.exec(header ?? "");
  if (!basic) return { given: undefined, ok: false };
  let decoded: string;
  try {
    decoded = atob(basic[1] ?? "");
  } catch {
    return { given: "", ok: false };
  }
  const colon = decoded.indexOf(":");
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? "" : decoded.slice(colon + 1);
  return { given: user, ok: user === auth.user && (auth.password === undefined || password === auth.password) };
}

/**
 * A vendor simulator's machinery: authentication, a route table whose routes refuse unknown
 * parameters, injected faults and parameter errors, the request log and idempotent replays
 * (from the simulator kit), and a loopback server. The vendor supplies routes and errors.
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const table = createRouteTable(options.routes);
  let paramErrors: ParamErrorRule[] = [];

  async function route(request: SimRequest): Promise<Response> {
    if (options.auth) {
      const { given, ok } = credentials(options.auth, request.headers.get("authorization"));
      if (!ok) return options.errors.unauthenticated(given);
    }
    const refused = paramErrors.find((rule) => matches(rule, request));
    if (refused) {
      paramErrors = paramErrors.filter((rule) => rule !== refused);
      return options.errors.invalidParam(refused.param, request);
    }
    const early = options.before?.(request);
    if (early) return early;
    const found = table.match(request.method, request.path);
    if (!("route" in found)) return options.errors.noRoute(request, found.methods);
    const fromQuery = request.method === "GET" || request.method === "DELETE" || request.method === "HEAD";
    const isForm = (request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded");
    const inputParams = fromQuery ? request.url.searchParams : new URLSearchParams(isForm ? request.rawBody : "");
    const input = fromQuery ? request.query : request.form;
    const unknown = table.unknownParam(found.route, input);
    if (unknown !== undefined) return options.errors.unknownParam(unknown, request);
    const routed: RouteRequest = { ...request, pathParams: found.pathParams, input, inputParams };
    try {
      return await found.route.handle(routed);
    } finally {
      options.after?.(request);
    }
  }

  const kit = createSimulatorKit({
    route,
    errorResponse: options.errors.status,
    idempotencyHeader: options.idempotencyHeader,
  });
  const handle = (request: Request) => kit.handle(request);

  return {
    handle,
    get requests() {
      return kit.requests;
    },
    clearRequests: () => kit.clearRequests(),
    inject: (rule) => kit.inject(rule),
    injectParamError(rule) {
      paramErrors.push(rule);
    },
    clearFaults() {
      kit.clearFaults();
      paramErrors = [];
    },
    get pendingFaults() {
      return kit.pendingFaults + paramErrors.length;
    },
    listen: (serveOptions) => serveOnLoopback(handle, serveOptions),
  };
}

/**
 * A vendor simulator: the machinery `createSimulator` made with the vendor's own members
 * added. Unlike a spread, it keeps live getters (`requests`, `pendingFaults`) live.
 */
export function extendSimulator<X extends object>(simulator: Simulator, extras: X): Simulator & X {
  const extended = Object.defineProperties({}, Object.getOwnPropertyDescriptors(simulator));
  return Object.defineProperties(extended, Object.getOwnPropertyDescriptors(extras)) as Simulator & X;
}
