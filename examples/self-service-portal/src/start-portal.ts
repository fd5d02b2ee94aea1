import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createBillflowProvider } from "@portalkit/billflow";
import { createChargebeeProvider } from "@portalkit/chargebee";
import type { PortalProvider } from "@portalkit/core";
import { createPaddleProvider } from "@portalkit/paddle";
import { toNodeListener } from "@portalkit/server";
import { createStripeProvider } from "@portalkit/stripe";
import { type AccountStore, createAccountStore } from "./accounts";
import { buildClientBundle } from "./client-bundle";
import { type LiveCredentials, type PortalConfig, PROVIDER_NAMES, type ProviderId, REACTIVATES_ENDED } from "./config";
import { createApp, type FetchHandler, webhookPath } from "./create-app";
import { demoAccounts, demoWorld } from "./demo-world";
import { createLinkOwners, withSimulatedLinks } from "./simulated/simulated-links";
import { createSimulatedPages } from "./simulated/simulated-pages";
import { type RunningSimulators, startSimulators } from "./simulated/simulators";

export interface RunningPortal {
  /** The app's public origin, e.g. http://127.0.0.1:3000: every absolute URL it hands out is on it. */
  url: string;
  port: number;
  provider: ProviderId;
  /** "Stripe (simulator)" or "Stripe". */
  providerLabel: string;
  accounts: AccountStore;
  /** The simulators the demo runs on; undefined against a real vendor. */
  simulators?: RunningSimulators;
  /** Every secret in play (API keys, the Billflow secret, the session secret), for checks that none leaks. */
  secrets: readonly string[];
  close(): Promise<void>;
}

/** The largest body the app reads: its forms and JSON posts are a few hundred bytes. */
const MAX_BODY_BYTES = 64 * 1024;

/** The origin of a server listening on `host`: the loopback name for a wildcard address. */
function defaultOrigin(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export interface StartOptions {
  /** Where failures are logged (codes and redacted messages). Default console.error. */
  log?: (line: string) => void;
}

function liveProvider(credentials: LiveCredentials, returnUrl: string): PortalProvider {
  switch (credentials.provider) {
    case "chargebee":
      return createChargebeeProvider({
        site: credentials.site,
        apiKey: credentials.apiKey,
        ...(credentials.webhookAuth ? { webhookAuth: credentials.webhookAuth } : {}),
      });
    case "stripe":
      return createStripeProvider({
        secretKey: credentials.secretKey,
        returnUrl,
        ...(credentials.webhookSecret ? { webhookSecret: credentials.webhookSecret } : {}),
      });
    case "billflow":
      return createBillflowProvider({
        stripe: {
          secretKey: credentials.secretKey,
          ...(credentials.webhookSecret ? { webhookSecret: credentials.webhookSecret } : {}),
        },
        billflowSecret: credentials.billflowSecret,
        billingPageId: credentials.billingPageId,
      });
    case "paddle":
      return createPaddleProvider({
        apiKey: credentials.apiKey,
        environment: credentials.environment,
        ...(credentials.webhookSecret ? { webhookSecret: credentials.webhookSecret } : {}),
      });
  }
}

function liveSecrets(credentials: LiveCredentials): string[] {
  switch (credentials.provider) {
    case "chargebee":
      return [credentials.apiKey, ...(credentials.webhookAuth ? [credentials.webhookAuth.password] : [])];
    case "stripe":
      return [credentials.secretKey, ...(credentials.webhookSecret ? [credentials.webhookSecret] : [])];
    case "billflow":
      return [
        credentials.secretKey,
        credentials.billflowSecret,
        ...(credentials.webhookSecret ? [credentials.webhookSecret] : []),
      ];
    case "paddle":
      return [credentials.apiKey, ...(credentials.webhookSecret ? [credentials.webhookSecret] : [])];
  }
}

/** Whether deliveries from the real vendor can be verified: its webhook secret is set. */
export function liveWebhooksVerified(credentials: LiveCredentials): boolean {
  return credentials.provider === "chargebee"
    ? credentials.webhookAuth !== undefined
    : credentials.webhookSecret !== undefined;
}

/** The secrets of the demo's webhook endpoint: fresh on every start, like the other keys. */
interface DemoWebhookSecrets {
  /** Stripe's endpoint signing secret (Stripe and Billflow). */
  stripe: string;
  /** The Basic credentials set on Chargebee's webhook. */
  chargebee: { username: string; password: string };
  /** The secret key of Paddle's notification destination. */
  paddle: string;
}

function simulatedProvider(
  provider: ProviderId,
  sims: RunningSimulators,
  returnUrl: string,
  billflowSecret: string,
  webhooks: DemoWebhookSecrets,
): PortalProvider {
  switch (provider) {
    case "chargebee":
      return createChargebeeProvider({
        site: sims.chargebee.site,
        apiKey: sims.chargebee.apiKey,
        apiBaseUrl: sims.chargebeeServer.url,
        webhookAuth: webhooks.chargebee,
        verify: "refetch",
      });
    case "stripe":
      return createStripeProvider({
        secretKey: sims.stripe.secretKey,
        apiBase: sims.stripeServer.url,
        returnUrl,
        webhookSecret: webhooks.stripe,
      });
    case "billflow":
      return createBillflowProvider({
        stripe: { secretKey: sims.stripe.secretKey, apiBase: sims.stripeServer.url, webhookSecret: webhooks.stripe },
        billflowSecret,
        billingPageId: "bp_demo_portal",
        // The page's service; the quantity comes with each launch (see the profile page).
        service: "team-plans",
      });
    case "paddle":
      return createPaddleProvider({
        apiKey: sims.paddle.apiKey,
        environment: sims.paddleServer.url,
        webhookSecret: webhooks.paddle,
      });
  }
}

/**
 * Points the simulator behind the provider at the app's webhook endpoint. Deliveries are
 * handed to the app's handler in process (the demo stays off the network), as Requests
 * for the app's own URL, signed as the vendor signs them.
 */
function deliverWebhooks(
  provider: ProviderId,
  sims: RunningSimulators,
  url: string,
  secrets: DemoWebhookSecrets,
  app: FetchHandler,
): void {
  const target = { url: `${url}${webhookPath(provider)}`, fetch: app };
  if (provider === "chargebee") sims.chargebee.setWebhookEndpoint({ ...target, ...secrets.chargebee });
  else if (provider === "paddle") sims.paddle.setWebhookDestination({ ...target, secret: secrets.paddle });
  else sims.stripe.setWebhookEndpoint({ ...target, secret: secrets.stripe });
}

/**
 * Starts the portal: on the built-in simulators with demo data, or on the real vendor when
 * the config holds its credentials. The HTTP server listens first, so that the providers
 * know the app's URL (Stripe's portal sends customers back to it).
 */
export async function startPortal(config: PortalConfig, options: StartOptions = {}): Promise<RunningPortal> {
  const client = await buildClientBundle();
  let handler: FetchHandler = async () => new Response("Starting", { status: 503 });
  // No page or route takes a body anywhere near this: bodies are cut off (413) past it.
  const server = createServer(toNodeListener((request) => handler(request), { maxBodyBytes: MAX_BODY_BYTES }));
  // A client that trickles its headers or body is cut off instead of holding a connection.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.publicOrigin ?? defaultOrigin(config.host, port);
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  try {
    const name = PROVIDER_NAMES[config.provider];
    const sessionSecret = config.sessionSecret ?? randomBytes(32).toString("hex");
    const returnUrl = `${url}/account`;
    if (config.live) {
      const accounts = createAccountStore(config.live.accounts);
      handler = createApp({
        publicOrigin: url,
        provider: liveProvider(config.live.credentials, returnUrl),
        accounts,
        reactivatesEnded: REACTIVATES_ENDED[config.provider],
        sessionSecret,
        client,
        providerLabel: name,
        ...(config.live.credentials.provider === "chargebee"
          ? { clientConfig: { logout: { kind: "chargebee-js", site: config.live.credentials.site } } }
          : {}),
        ...(options.log ? { log: options.log } : {}),
      });
      const secrets = [sessionSecret, ...liveSecrets(config.live.credentials)];
      return { url, port, provider: config.provider, providerLabel: name, accounts, secrets, close: closeServer };
    }

    const simulators = await startSimulators(demoWorld());
    const accounts = createAccountStore(demoAccounts());
    // The embed stand-in does not check the hash; a fresh secret each start is enough.
    const billflowSecret = randomBytes(24).toString("hex");
    const webhookSecrets: DemoWebhookSecrets = {
      stripe: `whsec_${randomBytes(24).toString("hex")}`,
      chargebee: { username: "portalkit-demo", password: randomBytes(24).toString("hex") },
      paddle: `pdl_ntfset_${randomBytes(24).toString("hex")}`,
    };
    const owners = createLinkOwners();
    handler = createApp({
      publicOrigin: url,
      provider: withSimulatedLinks(
        simulatedProvider(config.provider, simulators, returnUrl, billflowSecret, webhookSecrets),
        url,
        owners,
      ),
      accounts,
      reactivatesEnded: REACTIVATES_ENDED[config.provider],
      sessionSecret,
      client,
      providerLabel: `${name} (simulator)`,
      listAccounts: true,
      clientConfig: {
        scriptUrls: { "chargebee-js": "/vendor/chargebee.js", "billflow-embed": "/vendor/billflow-embed.js" },
        ...(config.provider === "chargebee"
          ? { logout: { kind: "chargebee-js", site: simulators.chargebee.site } }
          : {}),
      },
      extraRoutes: await createSimulatedPages(simulators, owners),
      ...(options.log ? { log: options.log } : {}),
    });
    deliverWebhooks(config.provider, simulators, url, webhookSecrets, (request) => handler(request));
    return {
      url,
      port,
      provider: config.provider,
      providerLabel: `${name} (simulator)`,
      accounts,
      simulators,
      secrets: [
        sessionSecret,
        simulators.chargebee.apiKey,
        simulators.stripe.secretKey,
        simulators.paddle.apiKey,
        billflowSecret,
        webhookSecrets.stripe,
        webhookSecrets.chargebee.password,
        webhookSecrets.paddle,
      ],
      close: async () => {
        await closeServer();
        await simulators.close();
      },
    };
  } catch (error) {
    await closeServer();
    throw error;
  }
}
