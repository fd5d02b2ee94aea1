import type { Capabilities } from "@portalkit/core";
import { ADDRESS_FIELDS, claimCapabilities } from "@portalkit/core/adapter";
import type { ChargebeeProviderOptions } from "./options";
import { CHARGEBEE_SECTIONS } from "./sections";

const OPERATIONS = [
  "getSubscription",
  "reactivate",
  "invoicePdf",
  "updateAddress",
  "paymentMethodLaunch",
  "logout",
  "parseWebhook",
  "getCustomer",
  "listSubscriptions",
] as const;

/** The manifest of a provider with no cancellation reason codes configured. */
export const CHARGEBEE_CAPABILITIES = chargebeeCapabilities({});

/** A reason is sent as a `cancel_reason_code` once the site's codes are given in the options. */
export function chargebeeCapabilities(
  options: Pick<ChargebeeProviderOptions, "cancelReasonCodes">,
): Readonly<Capabilities> {
  return claimCapabilities(CHARGEBEE_SECTIONS, {
    cancelModes: ["now", "period_end"],
    addressKinds: ["billing", "shipping"],
    // Chargebee keeps the billing address on the customer and a shipping address on each subscription.
    addressScopes: { billing: "customer", shipping: "subscription" },
    // Both Chargebee addresses keep names, email, company and phone besides the postal fields.
    addressFields: { billing: [...ADDRESS_FIELDS], shipping: [...ADDRESS_FIELDS] },
    cancelReason: (options.cancelReasonCodes ?? []).length > 0 ? "code" : "none",
    operations: OPERATIONS,
  });
}
