import { type FormObject, type ParamSpec, type RouteSpec, readRoute, stringParam } from "@portalkit/core/testing";
import { invalidParameter, resourceMissing, stripeJson } from "../wire";

/** `expand[]`, which every Stripe endpoint takes. */
export const EXPAND = { expand: true } as const satisfies ParamSpec;

/** `GET <path>`: the object the `:id` names, or Stripe's `resource_missing`. */
export function stripeReadRoute<T>(path: string, kind: string, get: (id: string) => T | undefined): RouteSpec {
  return readRoute({
    path,
    params: EXPAND,
    get,
    found: (item) => stripeJson(200, item),
    missing: (id) => resourceMissing(kind, id),
  });
}

export const ADDRESS = {
  line1: true,
  line2: true,
  city: true,
  state: true,
  postal_code: true,
  country: true,
} as const satisfies ParamSpec;

/** `limit` (1 to 100, default 10), or Stripe's refusal. */
export function listLimit(query: FormObject): number | Response {
  const text = stringParam(query.limit);
  const limit = text === undefined ? 10 : Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return invalidParameter(
      "limit",
      "This value must be greater than or equal to 1 and less than or equal to 100.",
      "parameter_invalid_integer",
    );
  }
  return limit;
}

/**
 * Where a page starts: after the object `starting_after` names (its key in the listing),
 * nowhere for none, or Stripe's refusal of an id it does not know.
 */
export function startingAfter<K>(
  query: FormObject,
  collection: { keyOf(id: string): K | undefined },
  kind: string,
): { after?: K } | Response {
  const id = stringParam(query.starting_after);
  if (id === undefined) return {};
  const after = collection.keyOf(id);
  return after === undefined ? resourceMissing(kind, id, "starting_after", 400) : { after };
}
