import {
  type CreateSessionInput,
  CreateSessionInputSchema,
  type OpenPortalInput,
  OpenPortalInputSchema,
  type OpenSectionInput,
  OpenSectionInputSchema,
  type PaymentMethodLaunchInput,
  PaymentMethodLaunchInputSchema,
  PortalError,
  type PortalLaunch,
  type PortalProvider,
  type PortalSession,
  parseInput,
  type RedirectLaunch,
  registerSecret,
  UrlSchema,
} from "@portalkit/core";
import type Stripe from "stripe";
import * as z from "zod";
import { createStripeBilling, type StripeBilling } from "./billing";
import { STRIPE_CAPABILITIES } from "./capabilities";
import { normalizeSession } from "./normalize-session";
import { hasEnded } from "./normalize-subscription";
import { flowDataFor, SECTION_FLOWS } from "./portal-flows";
import { type StripeConnectionOptions, StripeConnectionOptionsSchema } from "./stripe-client";
import { rejectingWithPortalError } from "./stripe-error";

export interface StripeProviderOptions extends StripeConnectionOptions {
  /** Where Stripe's portal sends the customer back to, unless a call names its own `returnUrl`. */
  returnUrl: string;
  /** A portal configuration id (`bpc_…`); default: the account's default configuration. */
  portalConfiguration?: string;
  /** The portal's language; default `auto` (the customer's browser). */
  locale?: Stripe.BillingPortal.SessionCreateParams.Locale;
}

export interface StripeProvider extends PortalProvider {
  readonly id: "stripe";
  getSubscription: NonNullable<PortalProvider["getSubscription"]>;
  reactivate: NonNullable<PortalProvider["reactivate"]>;
  invoicePdf: NonNullable<PortalProvider["invoicePdf"]>;
  updateAddress: NonNullable<PortalProvider["updateAddress"]>;
  paymentMethodLaunch: NonNullable<PortalProvider["paymentMethodLaunch"]>;
}

const PROVIDER = "stripe";

const StripeProviderOptionsSchema = StripeConnectionOptionsSchema.extend({
  returnUrl: UrlSchema,
  portalConfiguration: z
    .string()
    .regex(/^bpc_[A-Za-z0-9]+$/, "must be a portal configuration id (bpc_…)")
    .optional(),
  locale: z.string().min(2).max(10).optional(),
}).strict();

/** A PortalProvider on Stripe's hosted customer portal and Stripe's billing API, through the official SDK. */
export function createStripeProvider(options: StripeProviderOptions): StripeProvider {
  if (typeof options === "object" && options !== null) registerSecret(options.secretKey, options);
  parseInput(StripeProviderOptionsSchema, options, PROVIDER);
  const billing: StripeBilling = createStripeBilling({ ...options, providerId: PROVIDER });
  const { runner } = billing;

  async function createPortalSession(
    customerId: string,
    returnUrl: string | undefined,
    flowData?: Stripe.BillingPortal.SessionCreateParams.FlowData,
  ): Promise<Stripe.BillingPortal.Session> {
    const params: Stripe.BillingPortal.SessionCreateParams = {
      customer: customerId,
      return_url: returnUrl ?? options.returnUrl,
    };
    if (options.portalConfiguration !== undefined) params.configuration = options.portalConfiguration;
    if (options.locale !== undefined) params.locale = options.locale;
    if (flowData !== undefined) params.flow_data = flowData;
    return runner.mutate((stripe, requestOptions) => stripe.billingPortal.sessions.create(params, requestOptions));
  }

  function redirect(session: Stripe.BillingPortal.Session, extra: Partial<RedirectLaunch> = {}): RedirectLaunch {
    return { kind: "redirect", provider: PROVIDER, url: session.url, ...extra };
  }

  async function createSession(raw: CreateSessionInput): Promise<PortalSession> {
    const input = parseInput(CreateSessionInputSchema, raw, PROVIDER);
    return normalizeSession(await createPortalSession(input.customerId, input.returnUrl), PROVIDER);
  }

  async function openPortal(raw: OpenPortalInput): Promise<PortalLaunch> {
    const input = parseInput(OpenPortalInputSchema, raw, PROVIDER);
    return redirect(await createPortalSession(input.customerId, input.returnUrl));
  }

  async function openSection(raw: OpenSectionInput): Promise<PortalLaunch> {
    const input = parseInput(OpenSectionInputSchema, raw, PROVIDER);
    const flow = SECTION_FLOWS[input.section];
    if (!flow) {
      if (input.fallback !== "portal") {
        throw new PortalError({
          code: "unsupported",
          provider: PROVIDER,
          field: "section",
          message: `Stripe's portal has no ${input.section} flow; pass fallback: "portal" to open the portal's home page`,
        });
      }
      if (input.subscriptionId !== undefined) await billing.ownedSubscription(input.customerId, input.subscriptionId);
      const session = await createPortalSession(input.customerId, input.returnUrl);
      return redirect(session, { section: input.section, fallback: true });
    }
    if (flow.subscription && input.subscriptionId === undefined) {
      throw new PortalError({
        code: "invalid_input",
        provider: PROVIDER,
        field: "subscriptionId",
        message: `Invalid input at subscriptionId: the ${input.section} section needs a subscription`,
      });
    }
    if (input.subscriptionId !== undefined) {
      const subscription = await billing.ownedSubscription(input.customerId, input.subscriptionId);
      if (flow.subscription && hasEnded(subscription)) {
        throw new PortalError({
          code: "conflict",
          provider: PROVIDER,
          status: 409,
          message: `Subscription ${input.subscriptionId} has ended; the ${input.section} section cannot open for it`,
        });
      }
    }
    const returnUrl = input.returnUrl ?? options.returnUrl;
    const session = await createPortalSession(
      input.customerId,
      returnUrl,
      flowDataFor(input.section, input.subscriptionId, returnUrl),
    );
    return redirect(session, { section: input.section });
  }

  async function paymentMethodLaunch(raw: PaymentMethodLaunchInput): Promise<PortalLaunch> {
    const input = parseInput(PaymentMethodLaunchInputSchema, raw, PROVIDER);
    const returnUrl = input.returnUrl ?? options.returnUrl;
    const session = await createPortalSession(
      input.customerId,
      returnUrl,
      flowDataFor("payment_sources", undefined, returnUrl),
    );
    return redirect(session, { section: "payment_sources" });
  }

  return {
    id: PROVIDER,
    capabilities: STRIPE_CAPABILITIES,
    createSession: rejectingWithPortalError(PROVIDER, createSession),
    openPortal: rejectingWithPortalError(PROVIDER, openPortal),
    openSection: rejectingWithPortalError(PROVIDER, openSection),
    listInvoices: billing.listInvoices,
    cancel: billing.cancel,
    getSubscription: billing.getSubscription,
    reactivate: billing.reactivate,
    invoicePdf: billing.invoicePdf,
    updateAddress: billing.updateAddress,
    paymentMethodLaunch: rejectingWithPortalError(PROVIDER, paymentMethodLaunch),
  };
}
