import type { Customer, Event, Invoice, Subscription } from "chargebee";
import { describe, expect, it } from "vitest";
import {
  chargebeeErrorToPortalError,
  normalizeCustomer,
  normalizeInvoice,
  VENDOR_INVOICE_STATUSES,
} from "../src/index";
import { VENDOR_SUBSCRIPTION_STATUSES } from "../src/status-map";
import { normalizeChargebeeEvent } from "../src/webhook";

describe("Chargebee's api_error_code, each as its PortalError code", () => {
  it.each([
    ["resource_not_found", "not_found"],
    ["api_authentication_failed", "unauthenticated"],
    ["basic_authentication_failed", "unauthenticated"],
    ["api_authorization_failed", "forbidden"],
    ["invalid_state_for_request", "conflict"],
    ["duplicate_entry", "conflict"],
    ["param_wrong_value", "invalid_request"],
    ["invalid_request", "invalid_request"],
    ["unable_to_process_request", "invalid_request"],
    ["resource_limit_exhausted", "invalid_request"],
    ["payment_processing_failed", "payment_failed"],
    ["payment_method_verification_failed", "payment_failed"],
    ["payment_method_not_present", "payment_failed"],
    ["payment_gateway_currency_incompatible", "payment_failed"],
    ["api_request_limit_exceeded", "rate_limited"],
    ["lock_timeout", "rate_limited"],
    ["internal_error", "unavailable"],
    ["internal_temporary_error", "unavailable"],
    ["db_connection_failure", "unavailable"],
    ["site_not_ready", "unavailable"],
    ["request_blocked", "unavailable"],
    ["gateway_timeout", "timeout"],
  ])("%s is %s, whatever the status says", (apiErrorCode, code) => {
    // A status whose own code differs, so that only the api_error_code can give the answer.
    const status = code === "conflict" ? 404 : 409;
    const error = chargebeeErrorToPortalError({ message: "m", api_error_code: apiErrorCode, http_status_code: status });
    expect(error.code).toBe(code);
    expect(error.providerCode).toBe(apiErrorCode);
  });
});

describe("Chargebee's event types, each as its portable type", () => {
  it.each([
    ["subscription_created", "subscription.created"],
    ["subscription_started", "subscription.updated"],
    ["subscription_activated", "subscription.updated"],
    ["subscription_changed", "subscription.updated"],
    ["subscription_shipping_address_updated", "subscription.updated"],
    ["subscription_renewed", "subscription.updated"],
    ["subscription_cancellation_scheduled", "subscription.cancel_scheduled"],
    ["subscription_cancelled", "subscription.canceled"],
    ["subscription_reactivated", "subscription.reactivated"],
    ["subscription_scheduled_cancellation_removed", "subscription.reactivated"],
    ["subscription_paused", "subscription.paused"],
    ["subscription_resumed", "subscription.resumed"],
    ["invoice_generated", "invoice.created"],
    ["payment_succeeded", "invoice.paid"],
    ["payment_failed", "invoice.payment_failed"],
    ["payment_source_added", "payment_method.updated"],
    ["payment_source_updated", "payment_method.updated"],
    ["payment_source_deleted", "payment_method.updated"],
    ["card_added", "payment_method.updated"],
    ["card_updated", "payment_method.updated"],
    ["card_deleted", "payment_method.updated"],
    ["customer_changed", "customer.updated"],
    ["customer_billing_address_updated", "customer.updated"],
  ])("%s is %s", (eventType, type) => {
    const event = { id: "ev_1", occurred_at: 1, event_type: eventType, content: {} } as unknown as Event;
    expect(normalizeChargebeeEvent(event, "chargebee")).toMatchObject({ type, vendorType: eventType });
  });
});

describe("Chargebee's statuses and payment method types", () => {
  it.each([
    ["paid", "paid"],
    ["posted", "open"],
    ["payment_due", "open"],
    ["not_paid", "uncollectible"],
    ["voided", "void"],
    ["pending", "pending"],
  ])("an invoice %s is %s", (status, portable) => {
    const invoice = { id: "inv_1", customer_id: "c", status, currency_code: "usd", date: 1 } as Invoice;
    expect(normalizeInvoice(invoice).status).toBe(portable);
  });

  it("a portable invoice status stands for these Chargebee statuses", () => {
    expect(VENDOR_INVOICE_STATUSES).toEqual({
      draft: [],
      open: ["posted", "payment_due"],
      paid: ["paid"],
      void: ["voided"],
      uncollectible: ["not_paid"],
      pending: ["pending"],
    });
  });

  it("a portable subscription status stands for these Chargebee statuses", () => {
    expect(VENDOR_SUBSCRIPTION_STATUSES).toEqual({
      trialing: ["in_trial"],
      active: ["active"],
      past_due: ["active"],
      paused: ["paused"],
      cancel_scheduled: ["non_renewing"],
      canceled: ["cancelled", "transferred"],
      incomplete: ["future"],
    });
  });

  it.each([
    ["card", "card"],
    ["apple_pay", "card"],
    ["google_pay", "card"],
    ["paypal_express_checkout", "paypal"],
    ["direct_debit", "bank_account"],
    ["netbanking_emandates", "bank_account"],
    ["faster_payments", "bank_account"],
    ["amazon_payments", "other"],
  ])("a payment method %s is %s", (type, portable) => {
    const customer = { id: "c", payment_method: { type } } as unknown as Customer;
    expect(normalizeCustomer(customer, undefined as Subscription | undefined).paymentMethod).toEqual({
      type: portable,
    });
  });
});
