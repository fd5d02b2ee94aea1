import { createHmac, randomUUID } from "node:crypto";

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

export interface WebhookDestination {
  /** The destination's secret key: every delivery is signed with it. */
  secret: string;
  /** Where a delivery goes: a fetch handler (the app's webhook route) or a URL. */
  deliver: ((request: Request) => unknown) | string;
}

/** The signed request Paddle posts for a notification. */
export function webhookRequest(url: string, secret: string, notification: PaddleNotification): Request {
  const body = JSON.stringify(notification);
  return new Request(url, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "paddle-signature": signPaddleWebhook(secret, body) },
  });
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
