import { createHmac } from "node:crypto";

/**
 * The `hash` the Billflow embed checks: hex HMAC-SHA256 of the customer's Stripe id (or
 * email), keyed with the Billflow secret. Made on the server only.
 */
export function billflowHash(secret: string, identity: string): string {
  return createHmac("sha256", secret).update(identity, "utf8").digest("hex");
}
