/** Unix seconds (as Chargebee and Stripe send them) to an ISO-8601 UTC string. */
export function unixToIso(seconds: number): string;
export function unixToIso(seconds: number | null | undefined): string | undefined;
export function unixToIso(seconds: number | null | undefined): string | undefined {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return undefined;
  return new Date(seconds * 1000).toISOString();
}

export function isoToUnix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
