import type { CancelMode, Subscription } from "@portalkit/core";
import { formatDate } from "./format";
import { html, type SafeHtml } from "./html";

export function cancelPage(subscription: Subscription, modes: readonly CancelMode[]): SafeHtml {
  const termEnd = formatDate(subscription.cancelAt ?? subscription.currentPeriodEnd);
  return html`<h1>Cancel your subscription</h1>
    <div class="card">
      <p>Choose when your subscription ${subscription.id} should end.</p>
      <form method="post" action="/account/cancel">
        <input type="hidden" name="subscriptionId" value="${subscription.id}" />
        ${
          modes.includes("period_end") && subscription.status !== "cancel_scheduled"
            ? html`<p><label><input type="radio" name="when" value="period_end" checked />
                At the end of the current term, on <strong>${termEnd}</strong>. You keep access until then and can reactivate before.</label></p>`
            : ""
        }
        ${
          modes.includes("now")
            ? html`<p><label><input type="radio" name="when" value="now" ${subscription.status === "cancel_scheduled" ? "checked" : ""} />
                Right now. Access ends immediately.</label></p>`
            : ""
        }
        <div class="actions">
          <button class="danger" type="submit">Confirm cancellation</button>
          <a class="button secondary" href="/account">Keep my subscription</a>
        </div>
      </form>
    </div>`;
}
