import { type FormObject, parseForm } from "./form";

/** A request as a simulator route sees it: parsed query and form body. */
export interface SimRequest {
  method: string;
  url: URL;
  path: string;
  query: FormObject;
  form: FormObject;
  rawBody: string;
  headers: Headers;
}

export type SimRoute = (request: SimRequest) => Response | Promise<Response>;

/**
 * A fault a test injects. `status` answers with the vendor's own error body for that
 * status; `html` with an HTML page (as a load balancer would); `malformed-json` with a
 * 200 whose body is cut off; `reset` drops the connection; `delay` answers normally, late;
 * `corrupt` processes the request, then hands the real answer to `corrupt` and sends what
 * it returns instead (property tests use it to send arbitrary vendor answers).
 */
export type Fault =
  | { type: "status"; status: number; retryAfter?: number | string }
  | { type: "html"; status: number }
  | { type: "malformed-json"; status?: number }
  | { type: "reset" }
  | { type: "delay"; ms: number }
  | { type: "corrupt"; corrupt: (response: Response) => Response | Promise<Response> };

export interface FaultRule {
  fault: Fault;
  /** Only requests with this method (upper case). */
  method?: string;
  /** Only requests whose path equals this string or matches this pattern. */
  path?: string | RegExp;
  /** Let this many matching requests through before the fault applies. Default 0. */
  skip?: number;
  /** How many matching requests get the fault. Default 1. */
  times?: number;
  /**
   * `before` (default): the request is not processed. `after`: it is processed, then the
   * answer is lost; the vendor changed, the client never heard (for idempotency tests).
   */
  phase?: "before" | "after";
}

export interface RecordedRequest {
  seq: number;
  method: string;
  path: string;
  query: FormObject;
  form: FormObject;
  /** Lower-case header names; the authorization value is never kept. */
  headers: Record<string, string>;
  idempotencyKey?: string;
  /** The fault this request met, if any. */
  fault?: Fault["type"];
  /** True when the answer was replayed from the idempotency cache. */
  replayed?: boolean;
  /** The status answered (0 for a dropped connection). */
  status: number;
}

export interface SimulatorKitOptions {
  route: SimRoute;
  /** The vendor's error response for a status (used by `status` faults and idempotency conflicts). */
  errorResponse: (status: number, details: { message: string; retryAfter?: number | string }) => Response;
  /** Lower-case name of the vendor's idempotency header. */
  idempotencyHeader: string;
}

export interface SimulatorKit {
  handle(request: Request): Promise<Response>;
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** Fault rules not yet used up. */
  readonly pendingFaults: number;
}

interface CachedResponse {
  fingerprint: string;
  status: number;
  headers: Array<[string, string]>;
  body: string;
}

interface ActiveRule extends FaultRule {
  seen: number;
  used: number;
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function createSimulatorKit(options: SimulatorKitOptions): SimulatorKit {
  const log: RecordedRequest[] = [];
  let rules: ActiveRule[] = [];
  const completed = new Map<string, CachedResponse>();
  const inflight = new Map<string, Promise<CachedResponse>>();
  let seq = 0;

  function takeFault(method: string, path: string): FaultRule | undefined {
    for (const rule of rules) {
      if (rule.method && rule.method !== method) continue;
      if (rule.path !== undefined && (typeof rule.path === "string" ? rule.path !== path : !rule.path.test(path)))
        continue;
      rule.seen++;
      if (rule.seen <= (rule.skip ?? 0)) continue;
      rule.used++;
      if (rule.used >= (rule.times ?? 1)) rules = rules.filter((r) => r !== rule);
      return rule;
    }
    return undefined;
  }

  function faultResponse(fault: Fault): Response {
    switch (fault.type) {
      case "status":
        return options.errorResponse(fault.status, {
          message: `Injected fault: HTTP ${fault.status}`,
          ...(fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {}),
        });
      case "html":
        return new Response(
          `<html><head><title>${fault.status} Bad Gateway</title></head><body><h1>${fault.status}</h1></body></html>`,
          { status: fault.status, headers: { "content-type": "text/html" } },
        );
      case "malformed-json":
        return new Response('{"list": [{"invoice": {"id": "in_', {
          status: fault.status ?? 200,
          headers: { "content-type": "application/json" },
        });
      case "reset":
        return Response.error();
      case "delay":
      case "corrupt":
        throw new Error(`${fault.type} is not a response of its own`);
    }
  }

  async function run(sim: SimRequest): Promise<CachedResponse> {
    const response = await options.route(sim);
    return {
      fingerprint: "",
      status: response.status,
      headers: [...response.headers],
      body: await response.text(),
    };
  }

  return {
    get requests() {
      return log;
    },
    get pendingFaults() {
      return rules.length;
    },
    clearRequests() {
      log.length = 0;
    },
    inject(rule) {
      rules.push({ ...rule, seen: 0, used: 0 });
    },
    clearFaults() {
      rules = [];
    },
    async handle(request) {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const rawBody = method === "GET" || method === "HEAD" ? "" : await request.text();
      const contentType = request.headers.get("content-type") ?? "";
      const form = rawBody && contentType.includes("application/x-www-form-urlencoded") ? parseForm(rawBody) : {};
      const sim: SimRequest = {
        method,
        url,
        path: url.pathname,
        query: parseForm(url.searchParams),
        form,
        rawBody,
        headers: request.headers,
      };
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = name === "authorization" ? "[redacted]" : value;
      });
      const key = request.headers.get(options.idempotencyHeader) ?? undefined;
      const entry: RecordedRequest = {
        seq: ++seq,
        method,
        path: url.pathname,
        query: sim.query,
        form,
        headers,
        status: 0,
      };
      if (key !== undefined) entry.idempotencyKey = key;
      log.push(entry);

      const rule = takeFault(method, url.pathname);
      if (rule) entry.fault = rule.fault.type;
      if (rule && rule.fault.type === "delay") {
        await new Promise((resolve) => setTimeout(resolve, (rule.fault as { ms: number }).ms));
      } else if (rule && rule.phase !== "after" && rule.fault.type !== "corrupt") {
        const response = faultResponse(rule.fault);
        entry.status = response.status;
        return response;
      }

      let result: CachedResponse;
      const fingerprint = `${method} ${url.pathname} ${rawBody}`;
      if (key !== undefined && MUTATING.has(method)) {
        const done = completed.get(key) ?? (await inflight.get(key));
        if (done && done.fingerprint !== fingerprint) {
          const conflict = options.errorResponse(400, {
            message:
              "Keys for idempotent requests can only be used with the same parameters they were first used with.",
          });
          entry.status = conflict.status;
          return conflict;
        }
        if (done) {
          entry.replayed = true;
          result = done;
        } else {
          const pending = run(sim).then((r) => ({ ...r, fingerprint }));
          inflight.set(key, pending);
          try {
            result = await pending;
          } finally {
            inflight.delete(key);
          }
          // Only answers the vendor would replay are kept: errors a retry may fix are not.
          if (result.status < 500 && result.status !== 429) completed.set(key, result);
        }
      } else {
        result = await run(sim);
      }

      if (rule && rule.fault.type === "corrupt") {
        const real = new Response(result.status === 204 ? null : result.body, {
          status: result.status,
          headers: result.headers,
        });
        const response = await rule.fault.corrupt(real);
        entry.status = response.status;
        return response;
      }
      if (rule && rule.phase === "after") {
        const response = faultResponse(rule.fault);
        entry.status = response.status;
        return response;
      }
      entry.status = result.status;
      return new Response(result.status === 204 ? null : result.body, {
        status: result.status,
        headers: result.headers,
      });
    },
  };
}
