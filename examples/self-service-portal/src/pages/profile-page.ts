import type { Capabilities, Customer, PaymentMethodSummary, PortalSection, Subscription } from "@portalkit/core";
import type { ActivityEntry } from "../billing-activity";
import { addressLines, formatDate, STATUS_LABELS } from "./format";
import { html, type SafeHtml } from "./html";

export const SECTION_LABELS: Record<PortalSection, string> = {
  subscription_details: "Subscription details",
  account_details: "Account details",
  address: "Addresses",
  payment_sources: "Payment methods",
  billing_history: "Billing history",
  cancel_subscription: "Cancel subscription",
  edit_subscription: "Change plan",
};

/** Sections that open on one subscription. */
const SUBSCRIPTION_SECTIONS: ReadonlySet<PortalSection> = new Set([
  "subscription_details",
  "cancel_subscription",
  "edit_subscription",
]);

/** Sections that change a subscription: not offered once it has ended and cannot come back. */
const CHANGING_SECTIONS: ReadonlySet<PortalSection> = new Set(["cancel_subscription", "edit_subscription"]);

export interface ProfilePageOptions {
  /** Undefined when the provider could not be read (the layout shows why). */
  customer?: Customer;
  /** Every subscription of the customer at the vendor, newest first. */
  subscriptions?: readonly Subscription[];
  capabilities: Capabilities;
  /** Whether the vendor can bring back a subscription that has ended. */
  reactivatesEnded: boolean;
  /** Billing events received from the vendor, newest first. */
  activity?: readonly ActivityEntry[];
}

const ACTIVITY_LABELS: Record<ActivityEntry["type"], string> = {
  "subscription.created": "Subscription started",
  "subscription.updated": "Subscription changed",
  "subscription.cancel_scheduled": "Cancellation scheduled",
  "subscription.canceled": "Subscription canceled",
  "subscription.reactivated": "Subscription reactivated",
  "subscription.paused": "Subscription paused",
  "subscription.resumed": "Subscription resumed",
  "invoice.created": "Invoice issued",
  "invoice.paid": "Invoice paid",
  "invoice.payment_failed": "Payment failed",
  "payment_method.updated": "Payment method changed",
  "customer.updated": "Account details changed",
  unknown: "Other billing event",
};

function activityCard(activity: readonly ActivityEntry[]): SafeHtml {
  return html`<div class="card" data-testid="billing-activity">
      <h2>Recent billing activity</h2>
      ${
        activity.length === 0
          ? html`<p class="muted">Nothing yet. Changes made in the billing portal appear here.</p>`
          : html`<ul>${activity.map(
              (entry) =>
                html`<li data-testid="activity" data-type="${entry.type}">${ACTIVITY_LABELS[entry.type]} <span class="muted">· ${formatDate(entry.occurredAt)} · ${entry.vendorType}</span></li>`,
            )}</ul>`
      }
    </div>`;
}

function termLine(subscription: Subscription): SafeHtml {
  switch (subscription.status) {
    case "cancel_scheduled":
      return html`Ends on <strong data-testid="term">${formatDate(subscription.cancelAt ?? subscription.currentPeriodEnd)}</strong>; it will not renew.`;
    case "canceled":
      return html`Ended on <strong data-testid="term">${formatDate(subscription.canceledAt)}</strong>.`;
    case "trialing":
      return html`Trial ends on <strong data-testid="term">${formatDate(subscription.currentPeriodEnd)}</strong>, then it renews.`;
    default:
      return subscription.currentPeriodEnd
        ? html`Renews on <strong data-testid="term">${formatDate(subscription.currentPeriodEnd)}</strong>.`
        : html``;
  }
}

function launchButton(label: string, body: Record<string, unknown>, endpoint = "/api/portal/launch"): SafeHtml {
  return html`<button type="button" class="secondary" data-launch="${endpoint}" data-body="${JSON.stringify(body)}">${label}</button>`;
}

function addressBlock(title: string, lines: string[], testId: string): SafeHtml {
  return html`<div data-testid="${testId}"><h2>${title}</h2>${
    lines.length > 0
      ? html`<address style="font-style:normal">${lines.map((line) => html`${line}<br />`)}</address>`
      : html`<p class="muted">None on file.</p>`
  }</div>`;
}

const BRANDS: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  american_express: "American Express",
  discover: "Discover",
};

export function paymentMethodLine(method: PaymentMethodSummary | undefined): string {
  if (!method) return "No payment method on file.";
  const kind =
    method.type === "card"
      ? (BRANDS[method.brand ?? ""] ?? method.brand ?? "Card")
      : method.type === "bank_account"
        ? "Bank account"
        : method.type === "paypal"
          ? "PayPal"
          : "Payment method";
  const digits = method.last4 ? ` ending in ${method.last4}` : "";
  const expiry =
    method.expMonth && method.expYear ? `, expires ${String(method.expMonth).padStart(2, "0")}/${method.expYear}` : "";
  return `${kind}${digits}${expiry}`;
}

/**
 * Billflow's page offers the plans in the quantities the customer holds, per unit label
 * (here the price), over the given subscriptions that have not ended. Other adapters leave
 * `vendorOptions.billflow` alone.
 */
function launchOptions(subscriptions: readonly Subscription[]): Record<string, unknown> {
  const quantity: Record<string, number> = {};
  for (const subscription of subscriptions) {
    if (subscription.status === "canceled") continue;
    for (const item of subscription.items) {
      const label = item.priceId ?? item.id;
      quantity[label] = (quantity[label] ?? 0) + item.quantity;
    }
  }
  return Object.keys(quantity).length > 0 ? { vendorOptions: { billflow: { quantity } } } : {};
}

function subscriptionCard(
  subscription: Subscription,
  { capabilities, reactivatesEnded }: ProfilePageOptions,
): SafeHtml {
  const ended = subscription.status === "canceled";
  // An ended subscription that the vendor cannot bring back offers nothing that changes it.
  const changeable = !ended || reactivatesEnded;
  const canReactivate =
    capabilities.reactivate && (subscription.status === "cancel_scheduled" || (ended && reactivatesEnded));
  const sections = capabilities.sections
    .filter((section) => SUBSCRIPTION_SECTIONS.has(section))
    .filter((section) => !ended || !CHANGING_SECTIONS.has(section));
  const shipping = capabilities.addressScopes.shipping === "subscription";
  return html`<div class="card" data-testid="subscription" data-subscription="${subscription.id}">
    <h2>Subscription <span class="badge ${subscription.status}" data-testid="status">${STATUS_LABELS[subscription.status]}</span></h2>
    <p>${termLine(subscription)}</p>
    <table>
      <thead><tr><th>Plan</th><th class="amount">Quantity</th></tr></thead>
      <tbody>${subscription.items.map(
        (item) => html`<tr><td>${item.priceId ?? item.id}</td><td class="amount">${item.quantity}</td></tr>`,
      )}</tbody>
    </table>
    ${shipping ? addressBlock("Shipping address", addressLines(subscription.shippingAddress), "shipping-address") : ""}
    <p class="muted">Subscription ${subscription.id}</p>
    <div class="actions">
      ${
        !ended && changeable
          ? html`<a class="button secondary" href="/account/cancel?subscription=${encodeURIComponent(subscription.id)}">Cancel subscription…</a>`
          : ""
      }
      ${
        canReactivate
          ? html`<form method="post" action="/account/reactivate"><input type="hidden" name="subscriptionId" value="${subscription.id}" /><button type="submit">Reactivate subscription</button></form>`
          : ""
      }
      ${sections.map((section) =>
        launchButton(SECTION_LABELS[section], {
          section,
          subscriptionId: subscription.id,
          ...launchOptions([subscription]),
        }),
      )}
    </div>
  </div>`;
}

export function profilePage(options: ProfilePageOptions): SafeHtml {
  const { customer, subscriptions, capabilities, activity } = options;
  const shippingOnCustomer = capabilities.addressScopes.shipping !== "subscription";
  const customerSections = capabilities.sections.filter((section) => !SUBSCRIPTION_SECTIONS.has(section));
  const hostedOptions = launchOptions(subscriptions ?? []);
  return html`<h1>Your subscriptions</h1>
    ${
      subscriptions && subscriptions.length === 0
        ? html`<div class="card"><p class="muted">No subscriptions at the billing provider.</p></div>`
        : ""
    }
    ${(subscriptions ?? []).map((subscription) => subscriptionCard(subscription, options))}
    ${
      customer
        ? html`<div class="card" data-testid="customer">
      <p>${customer.name ?? ""}${customer.company ? html` · ${customer.company}` : ""}${
        customer.email ? html` · <span data-testid="customer-email">${customer.email}</span>` : ""
      }</p>
      <div class="grid">
        ${addressBlock("Billing address", addressLines(customer.billingAddress), "billing-address")}
        ${shippingOnCustomer ? addressBlock("Shipping address", addressLines(customer.shippingAddress), "shipping-address") : ""}
      </div>
      <div class="actions"><a class="button secondary" href="/account/address">Edit addresses</a></div>
    </div>
    <div class="card">
      <h2>Payment method</h2>
      <p data-testid="payment-method">${paymentMethodLine(customer.paymentMethod)}</p>
      <p class="muted">Cards are entered on the billing provider's own secure page, never on ours.</p>
      <div class="actions">${launchButton("Update payment method", {}, "/account/payment-method")}</div>
    </div>`
        : ""
    }
    ${activity ? activityCard(activity) : ""}
    <div class="card">
      <h2>Billing portal</h2>
      <p class="muted">Everything above, and more, in the billing provider's own portal.</p>
      <div class="actions">
        <button type="button" data-launch="/api/portal/launch" data-body="${JSON.stringify(hostedOptions)}">Manage in the hosted portal</button>
        ${customerSections.map((section) => launchButton(SECTION_LABELS[section], { section, ...hostedOptions }))}
      </div>
      <div id="portal-container"></div>
      <pre id="portal-events" aria-live="polite"></pre>
    </div>`;
}
