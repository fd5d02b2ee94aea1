import type { FormObject } from "./form";
import { type ParamSpec, unknownParam } from "./param-spec";
import type { SimRequest } from "./simulator-kit";

/** A request as a route's handler sees it. */
export interface RouteRequest extends SimRequest {
  /** The `:name` segments of the route's path, URI-decoded. */
  pathParams: Readonly<Record<string, string>>;
  /** The parameters: the query of a GET or DELETE, the form body otherwise. */
  input: FormObject;
  /** The same parameters, flat, in the order sent. */
  inputParams: URLSearchParams;
}

export interface RouteSpec {
  method: string;
  /** `/v1/invoices/:id`: literal segments and `:name` placeholders (one segment each). */
  path: string;
  /** The parameters the endpoint knows; any other is refused. Omitted: parameters are not checked. */
  params?: ParamSpec;
  handle(request: RouteRequest): Response | Promise<Response>;
}

/** What a read route needs from the vendor: where, what it takes, the lookup and the two answers. */
export interface ReadRouteOptions<T> {
  /** A path with an `:id` placeholder. */
  path: string;
  params: ParamSpec;
  get(id: string): T | undefined;
  found(item: T): Response;
  missing(id: string): Response;
}

/**
 * A handler for a path with an `:id`: `act` gets the object it names and the request; the
 * vendor's 404 answers when there is none.
 */
export function withItem<T>(
  get: (id: string) => T | undefined,
  missing: (id: string) => Response,
  act: (item: T, request: RouteRequest) => Response | Promise<Response>,
): RouteSpec["handle"] {
  return (request) => {
    const id = request.pathParams.id ?? "";
    const item = get(id);
    return item === undefined ? missing(id) : act(item, request);
  };
}

/** `GET <path>`: the object the `:id` names in the vendor's answer, or the vendor's 404. */
export function readRoute<T>(options: ReadRouteOptions<T>): RouteSpec {
  return {
    method: "GET",
    path: options.path,
    params: options.params,
    handle: withItem(options.get, options.missing, (item) => options.found(item)),
  };
}

interface CompiledRoute extends RouteSpec {
  pattern: RegExp;
  names: string[];
}

export interface RouteMatch {
  route: RouteSpec;
  pathParams: Record<string, string>;
}

export interface RouteTable {
  /** The route for this method and path, or the methods the path has (empty: no such path). */
  match(method: string, path: string): RouteMatch | { methods: string[] };
  /** The first parameter of the request the route does not know. */
  unknownParam(route: RouteSpec, input: FormObject): string | undefined;
}

export function createRouteTable(routes: readonly RouteSpec[]): RouteTable {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split("/")
      .map((segment) => {
        if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(segment.slice(1));
        return "([^/]+)";
      })
      .join("/");
    return { ...route, names, pattern: new RegExp(`^${source}$`) };
  });
  return {
    match(method, path) {
      const methods: string[] = [];
      for (const route of compiled) {
        const found = route.pattern.exec(path);
        if (!found) continue;
        if (route.method !== method) {
          methods.push(route.method);
          continue;
        }
        const pathParams: Record<string, string> = {};
        route.names.forEach((name, index) => {
          pathParams[name] = decodeURIComponent(found[index + 1] ?? "");
        });
        return { route, pathParams };
      }
      return { methods };
    },
    unknownParam: (route, input) => (route.params ? unknownParam(input, route.params) : undefined),
  };
}
