/**
 * The wire format of the in-memory billing API: what the backend in `./testing` answers
 * and what the adapter reads. A real adapter uses its vendor SDK's own types here.
 * Timestamps are unix seconds, money is integer minor units with a lower-case currency.
 */

export interface WireAddress {
  first_name?: string;
  last_name?: string;
  company?: string;
  email?: string;
  phone?: string;
  line1?: string;
  line2?: string;
  city?: string;
  state?: string;
  postal_code?: string;
  country?: string;
}

export interface WireCustomer {
  object: "customer";
  id: string;
  email: string;
  first_name?: string;
  last_name?: string;
  billing_address?: WireAddress;
  shipping_address?: WireAddress;
  has_payment_method: boolean;
  /** The default payment method's summary; the API never answers a full number. */
  payment_method?: WirePaymentMethod;
}

export interface WirePaymentMethod {
  type: "card";
  card: { brand: string; last4: string; exp_month: number; exp_year: number };
}

export type WireSubscriptionStatus = "active" | "trialing" | "canceled";

export interface WireSubscription {
  object: "subscription";
  id: string;
  customer_id: string;
  status: WireSubscriptionStatus;
  /** True when the subscription ends at `current_period_end` (a scheduled cancellation). */
  cancel_at_period_end: boolean;
  cancel_at?: number;
  canceled_at?: number;
  cancellation_reason?: string;
  created_at: number;
  current_period_start: number;
  current_period_end: number;
  items: Array<{ id: string; price_id: string; quantity: number; unit_amount: number }>;
  currency: string;
  shipping_address?: WireAddress;
}

export type WireInvoiceStatus = "draft" | "open" | "paid" | "void" | "uncollectible" | "pending";

export interface WireInvoice {
  object: "invoice";
  id: string;
  customer_id: string;
  subscription_id?: string;
  number: string;
  status: WireInvoiceStatus;
  currency: string;
  total: number;
  amount_due: number;
  amount_paid: number;
  created: number;
  due_date?: number;
  paid_at?: number;
  hosted_url?: string;
}

export interface WireInvoiceList {
  object: "list";
  data: WireInvoice[];
  /** Present when there is another page: pass it back as `offset`. */
  next_offset?: string;
}

export interface WireSubscriptionList {
  object: "list";
  data: WireSubscription[];
  /** Present when there is another page: pass it back as `offset`. */
  next_offset?: string;
}

export interface WirePortalSession {
  object: "portal_session";
  id: string;
  customer_id: string;
  status: "active" | "logged_out";
  /** Single-use portal address; it holds no credential. */
  url: string;
  token: string;
  section?: string;
  subscription_id?: string;
  /** Where the portal sends the customer back to. */
  return_url?: string;
  created_at: number;
  expires_at: number;
}

export interface WireDownload {
  object: "download";
  url: string;
  expires_at: number;
}

export interface WireError {
  error: {
    type: "invalid_request" | "authentication" | "not_found" | "rate_limited" | "conflict" | "payment" | "api_error";
    message: string;
    /** The offending parameter, bracketed as in the form (`address[postal_code]`). */
    param?: string;
  };
}

/** A webhook event of the in-memory billing API; `created` in Unix seconds. */
export interface WireEvent {
  object: "event";
  id: string;
  /** What happened, in the API's own names (`subscription.cancel_scheduled`, `invoice.paid`, …). */
  type: string;
  created: number;
  data: { subscription?: WireSubscription; invoice?: WireInvoice; customer?: WireCustomer };
}
