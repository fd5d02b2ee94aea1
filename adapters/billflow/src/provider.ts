import type { OpenPortalInput, OpenSectionInput, VendorOptions } from "@portalkit/core";
import { type AdapterContext, defineAdapter, type LaunchingProvider } from "@portalkit/core/adapter";
import {
  type createStripeClient,
  parseStripeWebhook,
  retrieveCustomer,
  STRIPE_BILLING_OPERATIONS,
  STRIPE_LOOKUPS,
  stripeDeadline,
} from "@portalkit/stripe";
import { BILLFLOW_CAPABILITIES } from "./capabilities";
import { createBillflowClient } from "./client";
import { toPortalError } from "./errors";
import { billflowHash } from "./hash";
import type { BillflowEmbedLaunch, BillflowSettings } from "./launch";
import { type BillflowLaunchOptions, BillflowLaunchOptionsSchema } from "./launch-options";
import { normalizeSession } from "./normalize-session";
import { type BillflowProviderOptions, BillflowProviderOptionsSchema } from "./options";
import { BILLFLOW_SECTIONS } from "./sections";

type Stripe = ReturnType<typeof createStripeClient>;
type Context = AdapterContext<Stripe, typeof STRIPE_LOOKUPS, BillflowProviderOptions>;

/**
 * Signed embed settings. The customer is read from Stripe first, so an unknown one is
 * `not_found`; a named subscription has already been checked by the kit.
 */
async function settingsFor(
  ctx: Context,
  customerId: string,
  subscriptionId?: string,
  launchOptions: BillflowLaunchOptions = {},
): Promise<BillflowSettings> {
  const { options } = ctx;
  const customer = await retrieveCustomer(ctx, customerId);
  let settings: BillflowSettings;
  if ((options.identifyBy ?? "customer_id") === "email") {
    if (!customer.email) {
      throw ctx.error({
        code: "invalid_request",
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
  const service = launchOptions.service ?? options.service;
  if (service !== undefined) settings.service = service;
  const quantity = launchOptions.quantity ?? options.quantity;
  if (quantity !== undefined) settings.options = { quantity };
  return settings;
}

/** The call's `vendorOptions.billflow`, already checked by the kit with BillflowLaunchOptionsSchema. */
function launchOptionsOf(input: { vendorOptions?: VendorOptions }): BillflowLaunchOptions {
  return (input.vendorOptions?.billflow ?? {}) as BillflowLaunchOptions;
}

function launch(settings: BillflowSettings, section?: OpenSectionInput["section"]): BillflowEmbedLaunch {
  const embed: BillflowEmbedLaunch = { kind: "billflow-embed", provider: "billflow", settings };
  if (section) embed.section = section;
  return embed;
}

const billflowAdapter = defineAdapter({
  id: "billflow",
  vendor: "Billflow",
  options: BillflowProviderOptionsSchema,
  secrets: ["stripe.secretKey", "stripe.webhookSecret", "billflowSecret"],
  client: (options: BillflowProviderOptions): Stripe => createBillflowClient(options),
  toPortalError,
  deadline: (options) => stripeDeadline(options.stripe),
  retry: (options) => options.stripe.retry,
  capabilities: BILLFLOW_CAPABILITIES,
  sections: BILLFLOW_SECTIONS,
  lookups: STRIPE_LOOKUPS,
  operations: {
    ...STRIPE_BILLING_OPERATIONS,

    // Billflow sends no server webhooks: its billing data is Stripe's, and so are its events.
    parseWebhook: (input, ctx) => parseStripeWebhook(input, ctx, ctx.options.stripe),

    async createSession(input, ctx) {
      return normalizeSession(await settingsFor(ctx, input.customerId), input.customerId, ctx.provider);
    },

    async openPortal(input: OpenPortalInput, ctx): Promise<BillflowEmbedLaunch> {
      return launch(await settingsFor(ctx, input.customerId, undefined, launchOptionsOf(input)));
    },

    async openSection(input, ctx): Promise<BillflowEmbedLaunch> {
      return launch(
        await settingsFor(ctx, input.customerId, input.subscriptionId, launchOptionsOf(input)),
        input.section,
      );
    },

    // The whole billing page, on the subscription named if there is one.
    async openFallback(input, ctx): Promise<BillflowEmbedLaunch> {
      return launch(await settingsFor(ctx, input.customerId, input.subscriptionId, launchOptionsOf(input)));
    },
  },
  vendorOptions: BillflowLaunchOptionsSchema,
});

export type { BillflowProviderOptions } from "./options";

export type BillflowProvider = LaunchingProvider<ReturnType<typeof billflowAdapter>, BillflowEmbedLaunch>;

/**
 * A PortalProvider for the Billflow embed on a Stripe account: launches are `billflow-embed`
 * settings signed on the server; invoices, cancellation and the rest are @portalkit/stripe's.
 */
export function createBillflowProvider(options: BillflowProviderOptions): BillflowProvider {
  return billflowAdapter(options) as BillflowProvider;
}
