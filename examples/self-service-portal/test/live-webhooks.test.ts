import { createHmac } from "node:crypto";
import { signPaddleWebhook } from "@portalkit/paddle/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type LiveCredentials, readConfig } from "../src/config";
import { type RunningPortal, startPortal } from "../src/start-portal";

// Against a real vendor account the app verifies the vendor's deliveries with the webhook
// secret from the environment. Verification is local (a signature or Basic credentials), so
// these deliveries reach no vendor.
const ACCOUNTS = "ada@example.com:cus_live_1";
const running: RunningPortal[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((portal) => portal.close()));
});

async function start(env: Record<string, string>): Promise<RunningPortal> {
  const portal = await startPortal(
    { ...readConfig({ ...env, PORTAL_ACCOUNTS: ACCOUNTS }), port: 0 },
    { log: () => {} },
  );
  running.push(portal);
  return portal;
}

const post = (portal: RunningPortal, path: string, body: string, headers: Record<string, string>) =>
  fetch(`${portal.url}${path}`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });

const stripeEvent = JSON.stringify({
  id: "evt_live_1",
  object: "event",
  created: Math.floor(Date.now() / 1000) - 5,
  data: { object: { id: "cus_live_1", object: "customer" } },
  type: "customer.updated",
});
/** Stripe-Signature as Stripe makes it: `t=<unix>,v1=<HMAC-SHA256 of "t.body">`. */
function stripeSigned(secret: string): string {
  const t = Math.floor(Date.now() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${stripeEvent}`).digest("hex")}`;
}

describe("webhooks on a real vendor account", () => {
  it("reads each vendor's webhook secret from the environment, and keeps it among the secrets", () => {
    const credentials = (env: Record<string, string>): LiveCredentials | undefined =>
      readConfig({ ...env, PORTAL_ACCOUNTS: ACCOUNTS }).live?.credentials;
    expect(
      credentials({ PORTAL_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" }),
    ).toMatchObject({ webhookSecret: "whsec_1" });
    expect(
      credentials({
        PORTAL_PROVIDER: "billflow",
        STRIPE_SECRET_KEY: "sk_test_1",
        BILLFLOW_SECRET: "bf",
        BILLFLOW_BILLING_PAGE_ID: "page",
        STRIPE_WEBHOOK_SECRET: "whsec_2",
      }),
    ).toMatchObject({ webhookSecret: "whsec_2" });
    expect(
      credentials({
        CHARGEBEE_SITE: "acme-test",
        CHARGEBEE_API_KEY: "test_key",
        CHARGEBEE_WEBHOOK_USERNAME: "hooks",
        CHARGEBEE_WEBHOOK_PASSWORD: "hook-password",
      }),
    ).toMatchObject({ webhookAuth: { username: "hooks", password: "hook-password" } });
    expect(
      credentials({ PORTAL_PROVIDER: "paddle", PADDLE_API_KEY: "pdl_1", PADDLE_WEBHOOK_SECRET: "pdl_ntfset_1" }),
    ).toMatchObject({ webhookSecret: "pdl_ntfset_1" });
    expect(credentials({ PORTAL_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_1" })).not.toHaveProperty(
      "webhookSecret",
    );
  });

  it("refuses half of Chargebee's Basic credentials, naming both variables and no value", () => {
    for (const half of [{ CHARGEBEE_WEBHOOK_USERNAME: "hooks" }, { CHARGEBEE_WEBHOOK_PASSWORD: "hook-password" }]) {
      const env = { CHARGEBEE_SITE: "acme-test", CHARGEBEE_API_KEY: "test_key", PORTAL_ACCOUNTS: ACCOUNTS, ...half };
      expect(() => readConfig(env)).toThrow(/CHARGEBEE_WEBHOOK_USERNAME and CHARGEBEE_WEBHOOK_PASSWORD/);
      expect(() => readConfig(env)).not.toThrow(/hook-password|hooks,/);
    }
  });

  it("Stripe: a delivery signed with STRIPE_WEBHOOK_SECRET is taken; another signature, or no secret set, is 401", async () => {
    const portal = await start({
      PORTAL_PROVIDER: "stripe",
      STRIPE_SECRET_KEY: "sk_test_live_1",
      STRIPE_WEBHOOK_SECRET: "whsec_live_1",
    });
    expect(portal.secrets).toContain("whsec_live_1");
    const taken = await post(portal, "/webhooks/stripe", stripeEvent, {
      "stripe-signature": stripeSigned("whsec_live_1"),
    });
    expect(taken.status).toBe(200);
    const forged = await post(portal, "/webhooks/stripe", stripeEvent, {
      "stripe-signature": stripeSigned("whsec_other"),
    });
    expect(forged.status).toBe(401);

    const unset = await start({ PORTAL_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_live_1" });
    const refused = await post(unset, "/webhooks/stripe", stripeEvent, {
      "stripe-signature": stripeSigned("whsec_live_1"),
    });
    expect(refused.status).toBe(401);
  });

  it("Chargebee: a delivery with the Basic credentials is taken; other credentials are 401", async () => {
    const portal = await start({
      CHARGEBEE_SITE: "acme-test",
      CHARGEBEE_API_KEY: "test_live_key",
      CHARGEBEE_WEBHOOK_USERNAME: "hooks",
      CHARGEBEE_WEBHOOK_PASSWORD: "hook-password",
    });
    expect(portal.secrets).toContain("hook-password");
    const body = JSON.stringify({
      id: "ev_live_1",
      occurred_at: Math.floor(Date.now() / 1000),
      event_type: "customer_changed",
      content: { customer: { id: "cus_live_1" } },
    });
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    expect(
      (await post(portal, "/webhooks/chargebee", body, { authorization: basic("hooks", "hook-password") })).status,
    ).toBe(200);
    expect((await post(portal, "/webhooks/chargebee", body, { authorization: basic("hooks", "wrong") })).status).toBe(
      401,
    );
  });

  it("Paddle: a delivery signed with PADDLE_WEBHOOK_SECRET is taken; another signature is 401", async () => {
    const portal = await start({
      PORTAL_PROVIDER: "paddle",
      PADDLE_API_KEY: "pdl_sdbx_apikey_live",
      PADDLE_WEBHOOK_SECRET: "pdl_ntfset_live",
    });
    expect(portal.secrets).toContain("pdl_ntfset_live");
    const body = JSON.stringify({
      event_id: "evt_01live",
      event_type: "customer.updated",
      occurred_at: new Date().toISOString(),
      notification_id: "ntf_01live",
      data: { id: "cus_live_1", email: "ada@example.com" },
    });
    const taken = await post(portal, "/webhooks/paddle", body, {
      "paddle-signature": signPaddleWebhook("pdl_ntfset_live", body),
    });
    expect(taken.status).toBe(200);
    const forged = await post(portal, "/webhooks/paddle", body, {
      "paddle-signature": signPaddleWebhook("pdl_ntfset_other", body),
    });
    expect(forged.status).toBe(401);
  });
});
