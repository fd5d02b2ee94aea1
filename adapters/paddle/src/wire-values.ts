/** Paddle money amounts are strings of integer minor units: `"1999"`. */
export function minorUnits(value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  const amount = Number(value);
  if (!Number.isSafeInteger(amount))
    throw new TypeError(`Paddle sent an amount that is not integer minor units: ${value}`);
  return amount;
}

/** Paddle timestamps are RFC 3339 with microseconds; portalkit's are ISO-8601 UTC. */
export function toIso(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`Paddle sent a timestamp that is not one: ${value}`);
  return new Date(ms).toISOString();
}

/**
 * The vendor object under `raw`: the SDK's entity (Paddle's object with camelCase names) as
 * a plain record. Its nested entities are kept as they are; they serialize to the same JSON.
 */
export function toRaw(value: object): Record<string, unknown> {
  return { ...value };
}
