import { type Account, parseAccounts } from "./accounts";

export const PROVIDER_IDS = ["chargebee", "stripe", "billflow", "paddle"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const PROVIDER_NAMES: Record<ProviderId, string> = {
  chargebee: "Chargebee",
  stripe: "Stripe",
  billflow: "Billflow",
  paddle: "Paddle",
};

/**
 * Whether the vendor can bring back a subscription that has already ended: Chargebee
 * reactivates a cancelled one; Stripe cannot (a new subscription is needed), nor Billflow,
 * whose billing data is Stripe's, nor Paddle, whose reactivate only removes a scheduled
 * cancel. The profile offers Reactivate on an ended subscription only where it can work.
 */
export const REACTIVATES_ENDED: Record<ProviderId, boolean> = {
  chargebee: true,
  stripe: false,
  billflow: false,
  paddle: false,
};

/**
 * Credentials of a real vendor account, from the environment. The webhook secret is
 * optional: without it the app still serves every page, and refuses every delivery to
 * `/webhooks/<provider>` (401), since it cannot tell the vendor's from anyone's.
 */
export type LiveCredentials =
  | { provider: "chargebee"; site: string; apiKey: string; webhookAuth?: { username: string; password: string } }
  | { provider: "stripe"; secretKey: string; webhookSecret?: string }
  | { provider: "billflow"; secretKey: string; billflowSecret: string; billingPageId: string; webhookSecret?: string }
  | { provider: "paddle"; apiKey: string; environment: "sandbox" | "production"; webhookSecret?: string };

export interface PortalConfig {
  provider: ProviderId;
  port: number;
  host: string;
  /** Set when the environment holds the chosen vendor's credentials: then no simulator runs. */
  live?: { credentials: LiveCredentials; accounts: Account[] };
  /** SESSION_SECRET; a random one per start when unset. */
  sessionSecret?: string;
  /**
   * PUBLIC_ORIGIN, e.g. "https://billing.example.com": where customers reach the app. Every
   * absolute URL the app hands out is built on it, and requests for any other Host are
   * refused. Default: http://127.0.0.1:PORT (also reachable as localhost).
   */
  publicOrigin?: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function liveCredentials(provider: ProviderId, env: Env): LiveCredentials | undefined {
  const stripeWebhook = env.STRIPE_WEBHOOK_SECRET ? { webhookSecret: env.STRIPE_WEBHOOK_SECRET } : {};
  switch (provider) {
    case "chargebee":
      return env.CHARGEBEE_SITE && env.CHARGEBEE_API_KEY
        ? { provider, site: env.CHARGEBEE_SITE, apiKey: env.CHARGEBEE_API_KEY, ...chargebeeWebhookAuth(env) }
        : undefined;
    case "stripe":
      return env.STRIPE_SECRET_KEY ? { provider, secretKey: env.STRIPE_SECRET_KEY, ...stripeWebhook } : undefined;
    case "billflow":
      return env.STRIPE_SECRET_KEY && env.BILLFLOW_SECRET && env.BILLFLOW_BILLING_PAGE_ID
        ? {
            provider,
            secretKey: env.STRIPE_SECRET_KEY,
            billflowSecret: env.BILLFLOW_SECRET,
            billingPageId: env.BILLFLOW_BILLING_PAGE_ID,
            ...stripeWebhook,
          }
        : undefined;
    case "paddle":
      return env.PADDLE_API_KEY
        ? {
            provider,
            apiKey: env.PADDLE_API_KEY,
            environment: env.PADDLE_ENVIRONMENT === "production" ? "production" : "sandbox",
            ...(env.PADDLE_WEBHOOK_SECRET ? { webhookSecret: env.PADDLE_WEBHOOK_SECRET } : {}),
          }
        : undefined;
  }
}

/** The Basic credentials set on the Chargebee webhook: both variables or neither. */
function chargebeeWebhookAuth(env: Env): { webhookAuth?: { username: string; password: string } } {
  const username = env.CHARGEBEE_WEBHOOK_USERNAME;
  const password = env.CHARGEBEE_WEBHOOK_PASSWORD;
  if (!username && !password) return {};
  if (!username || !password) {
    throw new ConfigError("Set both CHARGEBEE_WEBHOOK_USERNAME and CHARGEBEE_WEBHOOK_PASSWORD, or neither");
  }
  return { webhookAuth: { username, password } };
}

/**
 * Reads PORTAL_PROVIDER (default chargebee), PORT (default 3000), HOST (default 127.0.0.1),
 * PUBLIC_ORIGIN, SESSION_SECRET, the vendor credentials with their webhook secrets
 * (STRIPE_WEBHOOK_SECRET, CHARGEBEE_WEBHOOK_USERNAME and _PASSWORD, PADDLE_WEBHOOK_SECRET)
 * and PORTAL_ACCOUNTS. Error messages
 * name variables, never their values.
 */
export function readConfig(env: Env): PortalConfig {
  const provider = (env.PORTAL_PROVIDER?.trim().toLowerCase() || "chargebee") as ProviderId;
  if (!PROVIDER_IDS.includes(provider)) {
    throw new ConfigError(`PORTAL_PROVIDER must be one of ${PROVIDER_IDS.join(", ")}`);
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError("PORT must be a port number");
  const sessionSecret = env.SESSION_SECRET || undefined;
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError("SESSION_SECRET must be at least 32 characters");
  }
  const config: PortalConfig = { provider, port, host: env.HOST || "127.0.0.1" };
  if (sessionSecret) config.sessionSecret = sessionSecret;
  if (env.PUBLIC_ORIGIN) config.publicOrigin = readOrigin(env.PUBLIC_ORIGIN);
  let accounts: Account[] = [];
  try {
    accounts = parseAccounts(env.PORTAL_ACCOUNTS ?? "");
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : "PORTAL_ACCOUNTS is not valid");
  }
  const credentials = liveCredentials(provider, env);
  if (credentials) {
    if (accounts.length === 0) {
      throw new ConfigError(
        "With real vendor credentials, set PORTAL_ACCOUNTS to the customers who may sign in: email:customerId,...",
      );
    }
    config.live = { credentials, accounts };
  }
  return config;
}

function readOrigin(value: string): string {
  const fail = () =>
    new ConfigError("PUBLIC_ORIGIN must be an origin such as https://billing.example.com (scheme, host and port only)");
  if (!URL.canParse(value)) throw fail();
  const url = new URL(value);
  const bare = url.pathname === "/" && url.search === "" && url.hash === "" && !value.endsWith("/");
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password || !bare) throw fail();
  return url.origin;
}
