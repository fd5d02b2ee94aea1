import { randomUUID } from "node:crypto";
import {
  type BillflowEmbedLaunch,
  type BillflowSettings,
  type CreateSessionInput,
  CreateSessionInputSchema,
  type OpenPortalInput,
  OpenPortalInputSchema,
  type OpenSectionInput,
  OpenSectionInputSchema,
  PortalError,
  type PortalLaunch,
  type PortalProvider,
  type PortalSession,
  parseInput,
  registerSecret,
} from "@portalkit/core";
import {
  createStripeBilling,
  rejectingWithPortalError,
  type StripeConnectionOptions,
  StripeConnectionOptionsSchema,
} from "@portalkit/stripe";
import * as z from "zod";
import { BILLFLOW_CAPABILITIES } from "./capabilities";
import { billflowHash } from "./hash";

export interface BillflowProviderOptions {
  /** The Stripe account the Billflow page runs on: its data operations go straight to Stripe. */
  stripe: StripeConnectionOptions;
  /** The Billflow secret that keys the embed's `hash`. It never leaves the server. */
  billflowSecret: string;
  /** The Billflow customer-portal billing page. */
  billingPageId: string;
  /** How the embed identifies the customer: by Stripe customer id (default) or by email. */
  identifyBy?: "customer_id" | "email";
}

export interface BillflowProvider extends PortalProvider {
  readonly id: "billflow";
  getSubscription: NonNullable<PortalProvider["getSubscription"]>;
  reactivate: NonNullable<PortalProvider["reactivate"]>;
  invoicePdf: NonNullable<PortalProvider["invoicePdf"]>;
  updateAddress: NonNullable<PortalProvider["updateAddress"]>;
}

const PROVIDER = "billflow";

const BillflowProviderOptionsSchema = z.strictObject({
  stripe: StripeConnectionOptionsSchema.strict(),
  billflowSecret: z.string().trim().min(1, "must be the Billflow secret"),
  billingPageId: z.string().trim().min(1, "must be a Billflow billing page id"),
  identifyBy: z.enum(["customer_id", "email"]).optional(),
});

/**
 * A PortalProvider for the Billflow embed on a Stripe account: launches are `billflow-embed`
 * settings signed on the server; invoices, cancellation and the rest are @portalkit/stripe's.
 */
export function createBillflowProvider(options: BillflowProviderOptions): BillflowProvider {
  if (typeof options === "object" && options !== null) registerSecret(options.billflowSecret, options);
  parseInput(BillflowProviderOptionsSchema, options, PROVIDER);
  const billing = createStripeBilling({ ...options.stripe, providerId: PROVIDER });
  const identifyBy = options.identifyBy ?? "customer_id";

  /** Signed embed settings; the customer is read from Stripe first, so an unknown one is `not_found`. */
  async function settingsFor(customerId: string, subscriptionId?: string): Promise<BillflowSettings> {
    const customer = await billing.retrieveCustomer(customerId);
    if (subscriptionId !== undefined) await billing.ownedSubscription(customerId, subscriptionId);
    let settings: BillflowSettings;
    if (identifyBy === "email") {
      if (!customer.email) {
        throw new PortalError({
          code: "invalid_request",
          provider: PROVIDER,
          message: `Customer ${customerId} has no email, and this Billflow page identifies customers by email`,
        });
      }
      settings = {
        billing_page_id: options.billingPageId,
        email: customer.email,
        hash: billflowHash(options.billflowSecret, customer.email),
      };
    } else {
      settings = {
        billing_page_id: options.billingPageId,
        customer_id: customer.id,
        hash: billflowHash(options.billflowSecret, customer.id),
      };
    }
    if (subscriptionId !== undefined) settings.subscription_id = subscriptionId;
    return settings;
  }

  function launch(settings: BillflowSettings, extra: Partial<BillflowEmbedLaunch> = {}): BillflowEmbedLaunch {
    return { kind: "billflow-embed", provider: PROVIDER, settings, ...extra };
  }

  async function createSession(raw: CreateSessionInput): Promise<PortalSession> {
    const input = parseInput(CreateSessionInputSchema, raw, PROVIDER);
    const settings = await settingsFor(input.customerId);
    // Billflow keeps no server-side session: the signed settings are the session, the hash its token.
    return {
      id: `bfs_${randomUUID()}`,
      provider: PROVIDER,
      customerId: input.customerId,
      token: settings.hash,
      createdAt: new Date().toISOString(),
      raw: { ...settings },
    };
  }

  async function openPortal(raw: OpenPortalInput): Promise<PortalLaunch> {
    const input = parseInput(OpenPortalInputSchema, raw, PROVIDER);
    return launch(await settingsFor(input.customerId));
  }

  async function openSection(raw: OpenSectionInput): Promise<PortalLaunch> {
    const input = parseInput(OpenSectionInputSchema, raw, PROVIDER);
    const direct = BILLFLOW_CAPABILITIES.sections.includes(input.section);
    if (!direct && input.fallback !== "portal") {
      throw new PortalError({
        code: "unsupported",
        provider: PROVIDER,
        field: "section",
        message: `The Billflow billing page has no ${input.section} section of its own; pass fallback: "portal" to open the whole page`,
      });
    }
    const settings = await settingsFor(input.customerId, input.subscriptionId);
    return launch(settings, direct ? { section: input.section } : { section: input.section, fallback: true });
  }

  return {
    id: PROVIDER,
    capabilities: BILLFLOW_CAPABILITIES,
    createSession: rejectingWithPortalError(PROVIDER, createSession),
    openPortal: rejectingWithPortalError(PROVIDER, openPortal),
    openSection: rejectingWithPortalError(PROVIDER, openSection),
    listInvoices: billing.listInvoices,
    cancel: billing.cancel,
    getSubscription: billing.getSubscription,
    reactivate: billing.reactivate,
    invoicePdf: billing.invoicePdf,
    updateAddress: billing.updateAddress,
  };
}
