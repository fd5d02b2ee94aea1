import type { SectionTable } from "@portalkit/core/adapter";

/**
 * The Billflow customer portal is one billing page: it opens on the customer's subscription
 * (only the one named, when a section names one). Payment method, invoices, plan changes and
 * cancellation sit on that same page without a deep link of their own.
 */
export const BILLFLOW_SECTIONS: SectionTable = { subscription_details: {} };
