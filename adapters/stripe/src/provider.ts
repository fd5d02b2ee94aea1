import type { PortalLaunch, RedirectLaunch } from "@portalkit/core";
import { type AdapterContext, defineAdapter } from "@portalkit/core/adapter";
import type Stripe from "stripe";
import { STRIPE_BILLING_OPERATIONS, STRIPE_LOOKUPS } from "./billing";
import { STRIPE_CAPABILITIES } from "./capabilities";
import { createStripeClient, stripeDeadline } from "./client";
import { toPortalError } from "./errors";
import { normalizeSession } from "./normalize-session";
import { hasEnded } from "./normalize-subscription";
import { type StripeProviderOptions, StripeProviderOptionsSchema } from "./options";
import { flowDataFor, STRIPE_SECTIONS } from "./sections";
import { parseStripeWebhook } from "./webhook";

type Context = AdapterContext<Stripe, typeof STRIPE_LOOKUPS, StripeProviderOptions>;

function createPortalSession(
  ctx: Context,
  customerId: string,
  returnUrl: string | undefined,
  flowData?: Stripe.BillingPortal.SessionCreateParams.FlowData,
): Promise<Stripe.BillingPortal.Session> {
  const { options } = ctx;
  const params: Stripe.BillingPortal.SessionCreateParams = {
    customer: customerId,
    return_url: returnUrl ?? options.returnUrl,
  };
  if (options.portalConfiguration !== undefined) params.configuration = options.portalConfiguration;
  if (options.locale !== undefined) params.locale = options.locale;
  if (flowData !== undefined) params.flow_data = flowData;
  return ctx.mutate((stripe, { idempotencyKey }) => stripe.billingPortal.sessions.create(params, { idempotencyKey }));
}

function redirect(session: Stripe.BillingPortal.Session, extra: Partial<RedirectLaunch> = {}): RedirectLaunch {
  return { kind: "redirect", provider: "stripe", url: session.url, ...extra };
}

const stripeAdapter = defineAdapter({
  id: "stripe",
  vendor: "Stripe",
  options: StripeProviderOptionsSchema,
  secrets: ["secretKey", "webhookSecret"],
  client: (options: StripeProviderOptions): Stripe => createStripeClient(options),
  toPortalError,
  deadline: stripeDeadline,
  capabilities: STRIPE_CAPABILITIES,
  sections: STRIPE_SECTIONS,
  lookups: STRIPE_LOOKUPS,
  operations: {
    ...STRIPE_BILLING_OPERATIONS,

    async createSession(input, ctx) {
      return normalizeSession(await createPortalSession(ctx, input.customerId, input.returnUrl), ctx.provider);
    },

    async openPortal(input, ctx): Promise<PortalLaunch> {
      return redirect(await createPortalSession(ctx, input.customerId, input.returnUrl));
    },

    async openSection(input, ctx, { spec, subscription }) {
      if (spec.subscription && input.subscriptionId === undefined) {
        throw ctx.error({
          code: "invalid_input",
          field: "subscriptionId",
          message: `Invalid input at subscriptionId: the ${input.section} section needs a subscription`,
        });
      }
      if (spec.subscription && subscription && hasEnded(subscription)) {
        throw ctx.error({
          code: "conflict",
          status: 409,
          message: `Subscription ${input.subscriptionId} has ended; the ${input.section} section cannot open for it`,
        });
      }
      const returnUrl = input.returnUrl ?? ctx.options.returnUrl;
      const flow = flowDataFor(input.section, input.subscriptionId, returnUrl);
      return redirect(await createPortalSession(ctx, input.customerId, returnUrl, flow), { section: input.section });
    },

    parseWebhook: (input, ctx) => parseStripeWebhook(input, ctx, ctx.options),

    async paymentMethodLaunch(input, ctx) {
      const returnUrl = input.returnUrl ?? ctx.options.returnUrl;
      const flow = flowDataFor("payment_sources", undefined, returnUrl);
      return redirect(await createPortalSession(ctx, input.customerId, returnUrl, flow), {
        section: "payment_sources",
      });
    },
  },
});

export type { StripeProviderOptions } from "./options";
export type StripeProvider = ReturnType<typeof stripeAdapter>;

/** A PortalProvider on Stripe's hosted customer portal and Stripe's billing API, through the official SDK. */
export function createStripeProvider(options: StripeProviderOptions): StripeProvider {
  return stripeAdapter(options);
}
