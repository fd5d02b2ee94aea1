/**
 * The vendor object as plain JSON: the SDK turns decimal strings into `Stripe.Decimal`
 * instances and hangs `lastResponse` on results; `raw` keeps the wire shape instead.
 */
export function toRaw(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** An id from a field Stripe sends either as an id or, when expanded, as the object. */
export function idOf(value: string | { id: string } | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "string" ? value : value.id;
}
