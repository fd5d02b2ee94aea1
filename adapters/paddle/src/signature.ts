import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Checks a `Paddle-Signature` header (`ts=<unix seconds>;h1=<hex>[;h1=<hex>…]`): an HMAC-SHA256
 * of `ts:body` under the destination's secret. Any `h1` may match (Paddle sends one per
 * active secret while a secret is rotated), every comparison is timing-safe, and `ts` must
 * be within `toleranceSeconds` of now, either way.
 */
export function verifyPaddleSignature(
  header: string | null | undefined,
  body: string,
  secret: string,
  toleranceSeconds: number,
  nowMs: number = Date.now(),
): "ok" | "malformed" | "stale" | "mismatch" {
  if (!header) return "malformed";
  let ts: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === "ts") ts = value;
    else if (name === "h1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value.toLowerCase(), "hex"));
  }
  if (ts === undefined || !/^\d{1,12}$/.test(ts) || signatures.length === 0) return "malformed";
  if (Math.abs(nowMs / 1000 - Number(ts)) > toleranceSeconds) return "stale";
  const expected = createHmac("sha256", secret).update(`${ts}:${body}`).digest();
  let matched = false;
  for (const signature of signatures) matched = timingSafeEqual(signature, expected) || matched;
  return matched ? "ok" : "mismatch";
}
