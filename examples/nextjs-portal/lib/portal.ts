import { randomBytes } from "node:crypto";
import { createChargebeeProvider } from "@portalkit/chargebee";
import { type ChargebeeSimulator, createChargebeeSimulator } from "@portalkit/chargebee/testing";
import { createPortalHandler, createWebhookHandler, type PortalHandler } from "@portalkit/server";
import { recordEvent } from "./activity";
import { demoWorld } from "./demo-world";
import { customerOf } from "./session";

export interface Portal {
  /** `createPortalHandler`: every /api/portal/* route. */
  handler: PortalHandler;
  /** `createWebhookHandler`: /api/webhooks/chargebee, where Chargebee delivers events. */
  webhooks: (request: Request) => Promise<Response>;
  /** The Chargebee API simulator the demo runs on (a real site in production). */
  simulator: ChargebeeSimulator;
}

// One simulator and handler per server process: Next.js may evaluate this module once per
// route bundle (and again on every reload in development), so they live on globalThis.
const shared = globalThis as typeof globalThis & { portalkitDemo?: Promise<Portal> };

async function start(): Promise<Portal> {
  // The Chargebee API simulator on a loopback port, seeded with the demo customer. With a
  // real site: createChargebeeProvider({ site, apiKey: process.env.CHARGEBEE_API_KEY, webhookAuth }).
  const simulator = createChargebeeSimulator({ site: "acme-demo-test" });
  simulator.seed(demoWorld());
  const api = await simulator.listen();
  const webhookAuth = { username: "portalkit-demo", password: randomBytes(24).toString("hex") };
  const provider = createChargebeeProvider({
    site: simulator.site,
    apiKey: simulator.apiKey,
    apiBaseUrl: api.url,
    webhookAuth,
    // Chargebee signs nothing: the event is read back from the API and only that copy is trusted.
    verify: "refetch",
  });
  const handler = createPortalHandler(provider, {
    basePath: "/api/portal",
    // Where customers reach the app (behind a proxy); by default the origin of each request.
    ...(process.env.PUBLIC_ORIGIN ? { origin: process.env.PUBLIC_ORIGIN } : {}),
    // The signed-in customer comes from the app's own session, never from the request.
    authenticate: (request) => customerOf(request.headers.get("cookie")),
  });
  const webhooks = createWebhookHandler(provider, { onEvent: recordEvent });
  // The simulator delivers every change as Chargebee does, with the webhook's Basic
  // credentials, to the same handler /api/webhooks/chargebee mounts. It is handed each
  // delivery in process: the demo stays off the network, and the credentials never go to
  // an address taken from a request.
  simulator.setWebhookEndpoint({ url: "http://127.0.0.1/api/webhooks/chargebee", fetch: webhooks, ...webhookAuth });
  return { handler, webhooks, simulator };
}

export function portal(): Promise<Portal> {
  shared.portalkitDemo ??= start();
  return shared.portalkitDemo;
}

/**
 * The URL the browser used: `next start` hands route handlers a URL on its own host name
 * (localhost for 127.0.0.1), and the portal handler compares a POST's Origin with the
 * request's, so the URL gets the Host the browser sent (or set PUBLIC_ORIGIN).
 */
export function sentUrl(request: Request): URL {
  const url = new URL(request.url);
  url.host = request.headers.get("host") ?? url.host;
  return url;
}

/** The request as the browser sent it (see `sentUrl`). */
export function asSent(request: Request): Request {
  return new Request(sentUrl(request), {
    method: request.method,
    headers: request.headers,
    body: request.body,
    duplex: "half",
  } as RequestInit);
}
