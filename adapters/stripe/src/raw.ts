/**
 * The vendor object as plain JSON: the SDK turns decimal strings into `Stripe.Decimal`
 * instances and hangs `lastResponse` on results; `raw` keeps the wire shape instead.
 */
export function toRaw(value: object): Record<string, unknown> {
  // Same result as a JSON round trip, without one: serializing and parsing every invoice
  // of a page cost more than the request did. Own enumerable keys only, so the
  // non-enumerable `lastResponse` stays behind; nested objects are copied only where a
  // value changes (a Decimal becomes its string).
  const plain = toPlain(value);
  return (plain === value ? { ...value } : plain) as Record<string, unknown>;
}

function toPlain(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === "function") return toPlain(toJSON.call(value));
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item = value[index];
      const plain = toPlain(item);
      // JSON writes undefined (and functions) in an array as null.
      const written = plain === undefined || typeof plain === "function" ? null : plain;
      if (written !== item) {
        copy ??= value.slice();
        copy[index] = written;
      }
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const plain = toPlain(item);
    if (plain === undefined || typeof plain === "function") {
      copy ??= { ...record };
      delete copy[key];
    } else if (plain !== item) {
      copy ??= { ...record };
      copy[key] = plain;
    }
  }
  return copy ?? value;
}

/** An id from a field Stripe sends either as an id or, when expanded, as the object. */
export function idOf(value: string | { id: string } | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === "string" ? value : value.id;
}
