import { claimCapabilities } from "@portalkit/core/adapter";
import { STRIPE_BILLING_CLAIMS } from "@portalkit/stripe";
import { BILLFLOW_SECTIONS } from "./sections";

/**
 * Sections other than the billing page itself open the whole page with `fallback: "portal"`.
 * Data operations and webhooks are Stripe's (its billing data, addresses and reasons
 * included); there is no payment-method page and no session to end.
 */
export const BILLFLOW_CAPABILITIES = claimCapabilities(BILLFLOW_SECTIONS, STRIPE_BILLING_CLAIMS);
