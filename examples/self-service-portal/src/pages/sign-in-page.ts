import type { Account } from "../accounts";
import { html, type SafeHtml } from "./html";

export interface SignInPageOptions {
  /** Demo accounts to pick from (the simulated demo); none against a real vendor. */
  accounts: readonly Account[];
  email?: string;
  error?: string;
}

export function signInPage(options: SignInPageOptions): SafeHtml {
  return html`<h1>Sign in to manage your billing</h1>
    <div class="card">
      <form method="post" action="/sign-in" class="address" novalidate>
        <label>Email
          <input type="email" name="email" autocomplete="email" required value="${options.email ?? ""}"
            aria-invalid="${options.error ? "true" : "false"}" aria-describedby="email-error" />
          <span class="field-error" id="email-error">${options.error ?? ""}</span>
        </label>
        <button type="submit">Sign in</button>
      </form>
      <p class="muted">This example signs in by email alone. A real app signs its users in its own way:
        see <code>authenticate.ts</code>.</p>
    </div>
    ${
      options.accounts.length > 0
        ? html`<div class="card">
            <h2>Demo customers</h2>
            <p class="muted">Seeded in the local simulator, each with a subscription in another state.</p>
            <div class="actions">
              ${options.accounts.map(
                (account) => html`<form method="post" action="/sign-in">
                  <input type="hidden" name="email" value="${account.email}" />
                  <button class="secondary" type="submit" data-email="${account.email}">${account.name} · ${account.email}</button>
                </form>`,
              )}
            </div>
          </div>`
        : ""
    }`;
}
