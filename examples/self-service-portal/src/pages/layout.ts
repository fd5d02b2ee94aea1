import { html, jsonScript, raw, type SafeHtml } from "./html";

export interface LayoutOptions {
  title: string;
  /** The signed-in customer's display name, shown with a sign-out button. */
  signedInAs?: string;
  providerLabel: string;
  /** Shown at the top: a success notice or an error the customer must read. */
  notice?: { kind: "success" | "error"; text: string };
  /** Settings for the page script (vendor script URLs in the simulated demo). */
  clientConfig?: Record<string, unknown>;
  body: SafeHtml;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2433; --muted: #5f6b7e; --line: #dde2ea; --brand: #3451d1; --bad: #b42318; --good: #067647; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #f5f7fb; }
header { display: flex; align-items: center; gap: 16px; padding: 12px 32px; background: #fff; border-bottom: 1px solid var(--line); }
header .brand { font-weight: 700; color: var(--brand); text-decoration: none; }
header nav { display: flex; gap: 16px; flex: 1; }
header nav a { color: var(--ink); text-decoration: none; }
header .who { color: var(--muted); font-size: 14px; }
main { max-width: 960px; margin: 24px auto; padding: 0 32px; }
h1 { font-size: 24px; margin: 8px 0 16px; }
h2 { font-size: 18px; margin: 0 0 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px 24px; margin-bottom: 20px; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 20px; }
.muted { color: var(--muted); }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px; font-weight: 600; background: #eef1f6; }
.badge.active, .badge.paid { background: #dcfae6; color: var(--good); }
.badge.trialing { background: #e0eaff; color: #2b44a8; }
.badge.cancel_scheduled, .badge.open, .badge.pending { background: #fef0c7; color: #93370d; }
.badge.canceled, .badge.void, .badge.uncollectible, .badge.past_due { background: #fee4e2; color: var(--bad); }
.notice { padding: 12px 16px; border-radius: 8px; margin-bottom: 20px; }
.notice.success { background: #dcfae6; color: var(--good); }
.notice.error { background: #fee4e2; color: var(--bad); }
button, .button { display: inline-block; font: inherit; padding: 8px 14px; border-radius: 8px; border: 1px solid var(--brand); background: var(--brand); color: #fff; cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: #fff; color: var(--brand); }
button.danger { background: var(--bad); border-color: var(--bad); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--line); }
td.amount, th.amount { text-align: right; font-variant-numeric: tabular-nums; }
form.address label { display: block; font-size: 14px; margin-bottom: 10px; }
form.address input { display: block; width: 100%; font: inherit; padding: 6px 8px; border: 1px solid var(--line); border-radius: 6px; }
form.address input[aria-invalid="true"] { border-color: var(--bad); }
.field-error { color: var(--bad); font-size: 13px; min-height: 0; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
#portal-events:empty { display: none; }
#portal-events { font: 13px ui-monospace, monospace; background: #f0f2f7; padding: 8px 12px; border-radius: 6px; }
#launch-status:empty { display: none; }
`;

export function layout(options: LayoutOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} · Billing portal</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <header>
      <a class="brand" href="/">Acme billing</a>
      <nav>
        ${
          options.signedInAs
            ? html`<a href="/account">Subscription</a><a href="/account/address">Addresses</a><a href="/account/invoices">Invoices</a>`
            : ""
        }
      </nav>
      <span class="who" data-testid="provider">on ${options.providerLabel}</span>
      ${
        options.signedInAs
          ? html`<span class="who">${options.signedInAs}</span>
            <form method="post" action="/sign-out"><button class="secondary" type="submit">Sign out</button></form>`
          : ""
      }
    </header>
    <main>
      ${options.notice ? html`<div id="page-notice" class="notice ${options.notice.kind}" role="${options.notice.kind === "error" ? "alert" : "status"}">${options.notice.text}</div>` : ""}
      <div id="launch-status" class="notice error" role="alert"></div>
      ${options.body}
    </main>
    <script type="application/json" id="portal-config">${jsonScript(options.clientConfig ?? {})}</script>
    <script type="module" src="/assets/portal-client.js"></script>
  </body>
</html>`;
}
