import { createHmac, randomUUID } from "node:crypto";
import type { SignedWebhook, SignOptions, WebhookTarget } from "@portalkit/core/testing";

/** The `Paddle-Signature` header for a body: `ts=<unix seconds>;h1=<HMAC-SHA256 of "ts:body">`. */
export function signPaddleWebhook(secret: string, body: string, ts = Math.floor(Date.now() / 1000)): string {
  const h1 = createHmac("sha256", secret).update(`${ts}:${body}`).digest("hex");
  return `ts=${ts};h1=${h1}`;
}

/** A Paddle notification as Paddle sends it to a destination. */
export interface PaddleNotification {
  event_id: string;
  event_type: string;
  occurred_at: string;
  notification_id: string;
  data: unknown;
}

/** A notification destination: where Paddle delivers, and the secret key it signs with. */
export interface PaddleWebhookDestination extends WebhookTarget {
  secret: string;
}

/** One delivery as Paddle makes it; a bad signature is made with another secret. */
export function signNotification(secret: string, event: PaddleNotification, options: SignOptions): SignedWebhook {
  const body = JSON.stringify(event);
  const key = options.badSignature ? `${secret}_not_this_one` : secret;
  return { body, headers: { "paddle-signature": signPaddleWebhook(key, body, options.timestamp) } };
}

export function notification(eventType: string, data: unknown, occurredAt: string): PaddleNotification {
  return {
    event_id: `evt_${randomUUID().replace(/-/g, "").slice(0, 26)}`,
    event_type: eventType,
    occurred_at: occurredAt,
    notification_id: `ntf_${randomUUID().replace(/-/g, "").slice(0, 26)}`,
    data: structuredClone(data),
  };
}
