import type { Capabilities, PortalSection, Subscription } from "@portalkit/core";
import type { Account } from "../accounts";
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

export interface ProfilePageOptions {
  account: Account;
  /** Undefined when the provider could not be read (the layout shows why). */
  subscription?: Subscription;
  capabilities: Capabilities;
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

function addressCard(title: string, lines: string[]): SafeHtml {
  return html`<div><h2>${title}</h2>${
    lines.length > 0
      ? html`<address style="font-style:normal">${lines.map((line) => html`${line}<br />`)}</address>`
      : html`<p class="muted">None on file.</p>`
  }</div>`;
}

export function profilePage({ account, subscription, capabilities }: ProfilePageOptions): SafeHtml {
  const subscriptionCard = subscription
    ? html`<div class="card" data-testid="subscription">
        <h2>Subscription <span class="badge ${subscription.status}" data-testid="status">${STATUS_LABELS[subscription.status]}</span></h2>
        <p>${termLine(subscription)}</p>
        <table>
          <thead><tr><th>Plan</th><th class="amount">Quantity</th></tr></thead>
          <tbody>${subscription.items.map(
            (item) => html`<tr><td>${item.priceId ?? item.id}</td><td class="amount">${item.quantity}</td></tr>`,
          )}</tbody>
        </table>
        <p class="muted">Subscription ${subscription.id}</p>
        <div class="actions">
          ${subscription.status !== "canceled" ? html`<a class="button secondary" href="/account/cancel">Cancel subscription…</a>` : ""}
          ${
            subscription.status === "cancel_scheduled" || subscription.status === "canceled"
              ? html`<form method="post" action="/account/reactivate"><button type="submit">Reactivate subscription</button></form>`
              : ""
          }
        </div>
      </div>`
    : "";

  // Billflow's page offers the plan in the quantities the customer holds, per unit label
  // (here the price). Other adapters leave `vendorOptions.billflow` alone.
  const launchOptions =
    subscription && subscription.items.length > 0
      ? {
          vendorOptions: {
            billflow: {
              quantity: Object.fromEntries(subscription.items.map((item) => [item.priceId ?? item.id, item.quantity])),
            },
          },
        }
      : {};
  const sections = capabilities.sections.map((section) =>
    launchButton(SECTION_LABELS[section], {
      section,
      ...(SUBSCRIPTION_SECTIONS.has(section) ? { subscriptionId: account.subscriptionId } : {}),
      ...launchOptions,
    }),
  );

  return html`<h1>Your subscription</h1>
    ${subscriptionCard}
    <div class="card">
      <div class="grid">
        ${addressCard("Billing address", addressLines(account.billingAddress))}
        ${addressCard("Shipping address", addressLines(account.shippingAddress))}
      </div>
      <div class="actions"><a class="button secondary" href="/account/address">Edit addresses</a></div>
    </div>
    <div class="card">
      <h2>Payment method</h2>
      <p class="muted">Cards are entered on the billing provider's own secure page, never on ours.</p>
      <div class="actions">${launchButton("Update payment method", {}, "/account/payment-method")}</div>
    </div>
    <div class="card">
      <h2>Billing portal</h2>
      <p class="muted">Everything above, and more, in the billing provider's own portal.</p>
      <div class="actions">
        <button type="button" data-launch="/api/portal/launch" data-body="${JSON.stringify(launchOptions)}">Manage in the hosted portal</button>
        ${sections}
      </div>
      <div id="portal-container"></div>
      <pre id="portal-events" aria-live="polite"></pre>
    </div>`;
}
