import type { CustomerPortalSession, Paddle } from "@paddle/paddle-node-sdk";
import type { PortalSection, RedirectLaunch } from "@portalkit/core";
import { defineAdapter } from "@portalkit/core/adapter";
import { LIVE_STATUSES, PADDLE_BILLING_OPERATIONS } from "./billing";
import { PADDLE_CAPABILITIES, PADDLE_SECTIONS } from "./capabilities";
import { createPaddleClient } from "./client";
import { toPortalError } from "./errors";
import { PADDLE_LOOKUPS, type PaddleContext } from "./lookups";
import { normalizeSession } from "./normalize-session";
import { DEFAULT_TIMEOUT_MS, type PaddleProviderOptions, PaddleProviderOptionsSchema } from "./options";
import { portalUrl } from "./portal-url";
import { parsePaddleWebhook } from "./webhook";

/** A new portal session: Paddle sessions are never reused (their links are meant for one visit). */
function createPortalSession(ctx: PaddleContext, customerId: string, subscriptionIds: string[] = []) {
  return ctx.mutate((paddle: Paddle) => paddle.customerPortalSessions.create(customerId, subscriptionIds));
}

function redirect(url: string, section?: PortalSection): RedirectLaunch {
  return { kind: "redirect", provider: "paddle", url: portalUrl(url), ...(section ? { section } : {}) };
}

function deepLink(
  session: CustomerPortalSession,
  subscriptionId: string,
  link: "cancelSubscription" | "updateSubscriptionPaymentMethod",
): string | undefined {
  return session.urls.subscriptions.find((urls) => urls.id === subscriptionId)?.[link];
}

/** The payment-method link of a subscription, or of the customer's newest live one; the overview when there is none. */
async function paymentMethodLaunch(ctx: PaddleContext, customerId: string, subscriptionId?: string) {
  let target = subscriptionId;
  if (target === undefined) {
    const newest = await ctx.read((paddle) =>
      paddle.subscriptions.list({ customerId: [customerId], status: [...LIVE_STATUSES], perPage: 1 }).next(),
    );
    target = newest[0]?.id;
  }
  const session = await createPortalSession(ctx, customerId, target === undefined ? [] : [target]);
  const link = target === undefined ? undefined : deepLink(session, target, "updateSubscriptionPaymentMethod");
  if (link === undefined)
    return { ...redirect(session.urls.general.overview, "payment_sources"), fallback: true as const };
  return redirect(link, "payment_sources");
}

const paddleAdapter = defineAdapter({
  id: "paddle",
  vendor: "Paddle",
  options: PaddleProviderOptionsSchema,
  secrets: ["apiKey", "webhookSecret"],
  client: (options: PaddleProviderOptions): Paddle => createPaddleClient(options),
  toPortalError,
  // The SDK's fetch carries no timeout or abort signal, so the kit holds the deadline.
  deadline: (options) => options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  capabilities: PADDLE_CAPABILITIES,
  sections: PADDLE_SECTIONS,
  lookups: PADDLE_LOOKUPS,
  operations: {
    ...PADDLE_BILLING_OPERATIONS,

    // Paddle's portal takes no return URL: the customer comes back through the app's own link.
    async createSession(input, ctx) {
      return normalizeSession(await createPortalSession(ctx, input.customerId), input.customerId, ctx.provider);
    },

    async openPortal(input, ctx) {
      return redirect((await createPortalSession(ctx, input.customerId)).urls.general.overview);
    },

    async openSection(input, ctx, { subscription }) {
      if (input.section === "payment_sources") return paymentMethodLaunch(ctx, input.customerId, input.subscriptionId);
      if (input.subscriptionId === undefined || subscription === undefined) {
        throw ctx.error({
          code: "invalid_input",
          field: "subscriptionId",
          message: `Invalid input at subscriptionId: the ${input.section} section needs a subscription`,
        });
      }
      if (subscription.status === "canceled") {
        throw ctx.error({
          code: "conflict",
          status: 409,
          message: `Subscription ${input.subscriptionId} has ended; the ${input.section} section cannot open for it`,
        });
      }
      const session = await createPortalSession(ctx, input.customerId, [input.subscriptionId]);
      const link = deepLink(session, input.subscriptionId, "cancelSubscription");
      if (link === undefined) throw new TypeError("Paddle answered no cancellation link for the subscription");
      return redirect(link, input.section);
    },

    async paymentMethodLaunch(input, ctx) {
      return paymentMethodLaunch(ctx, input.customerId);
    },

    parseWebhook: parsePaddleWebhook,
  },
});

export type { PaddleProviderOptions } from "./options";
export type PaddleProvider = ReturnType<typeof paddleAdapter>;

/** A PortalProvider on Paddle Billing's customer portal and API, through the official SDK. */
export function createPaddleProvider(options: PaddleProviderOptions): PaddleProvider {
  return paddleAdapter(options);
}
