/** The Chargebee request that carries out each portable operation, for aiming faults at it. */
export const OPERATION_REQUESTS = {
  createSession: { method: "POST", path: /^\/api\/v2\/portal_sessions$/ },
  listInvoices: { method: "GET", path: /^\/api\/v2\/invoices$/ },
  getSubscription: { method: "GET", path: /^\/api\/v2\/subscriptions\/[^/]+$/ },
  cancel: { method: "POST", path: /^\/api\/v2\/subscriptions\/[^/]+\/cancel_for_items$/ },
  reactivate: {
    method: "POST",
    path: /^\/api\/v2\/subscriptions\/[^/]+\/(?:reactivate|remove_scheduled_cancellation)$/,
  },
  invoicePdf: { method: "POST", path: /^\/api\/v2\/invoices\/[^/]+\/pdf$/ },
  updateAddress: {
    method: "POST",
    path: /^\/api\/v2\/(?:customers\/[^/]+\/update_billing_info|subscriptions\/[^/]+\/update_for_items)$/,
  },
  paymentMethodLaunch: { method: "POST", path: /^\/api\/v2\/hosted_pages\/manage_payment_sources$/ },
  logout: { method: "POST", path: /^\/api\/v2\/portal_sessions\/[^/]+\/logout$/ },
} as const satisfies Record<string, { method: string; path: RegExp }>;

export type ChargebeeOperation = keyof typeof OPERATION_REQUESTS;

/** A parameter of each operation's request, as Chargebee names it in an error. */
export const OPERATION_PARAMS: Readonly<Record<ChargebeeOperation, string>> = {
  createSession: "customer[id]",
  listInvoices: "customer_id[is]",
  getSubscription: "id",
  cancel: "end_of_term",
  reactivate: "invoice_immediately",
  invoicePdf: "disposition_type",
  updateAddress: "billing_address[line1]",
  paymentMethodLaunch: "redirect_url",
  logout: "id",
};
