import { readFile } from "node:fs/promises";
import { formatMoney } from "../pages/format";
import { html, type SafeHtml } from "../pages/html";
import { simplePdf } from "./pdf";
import type { LinkOwners } from "./simulated-links";
import type { RunningSimulators } from "./simulators";

/** Answers the simulated vendor pages, for the signed-in customer only (null: nobody). */
export type SimulatedPages = (request: Request, customerId: string | null) => Response | undefined;

const standIn = (file: string) => readFile(new URL(`./stand-ins/${file}`, import.meta.url), "utf8");

function page(title: string, body: SafeHtml, status = 200): Response {
  const document = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>${title}</title></head>
<body style="font:15px/1.5 system-ui,sans-serif;background:#eef1f6;margin:0">
  <div style="background:#1d2433;color:#fff;padding:8px 24px;font-size:13px">Simulated vendor page · served by the example app, because the demo runs offline on the vendors' API simulators</div>
  <main style="max-width:640px;margin:40px auto;background:#fff;border-radius:12px;padding:24px 32px;border:1px solid #dde2ea">${body}</main>
</body></html>`;
  return new Response(document.value, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

function notFound(): Response {
  return page(
    "Not found",
    html`<h1>This link has expired or does not exist.</h1><p><a href="/account">Back to your account</a></p>`,
    404,
  );
}

/**
 * The vendor pages the demo links to, answered from the simulators' state: Stripe's hosted
 * portal sessions, Chargebee's hosted payment-method page, and invoice PDFs of both, plus
 * local stand-ins for Chargebee.js and the Billflow embed at /vendor/.
 */
export async function createSimulatedPages(sims: RunningSimulators, owners: LinkOwners): Promise<SimulatedPages> {
  const scripts = new Map([
    ["/vendor/chargebee.js", await standIn("chargebee-js.js")],
    ["/vendor/billflow-embed.js", await standIn("billflow-embed.js")],
  ]);

  function hostedPage(target: URL, customerId: string): Response {
    if (target.hostname === "billing.stripe.com") {
      const session = sims.stripe.sessions.find((candidate) => candidate.url === target.href);
      if (!session || session.customer !== customerId) return notFound();
      const flow = session.flow?.type ?? "home";
      return page(
        "Stripe customer portal",
        html`<h1>Stripe customer portal</h1>
          <p>Portal session <code>${session.id}</code> for customer <strong data-testid="portal-customer">${session.customer}</strong>.</p>
          <p>Opened on: <strong data-testid="portal-flow">${flow.replace(/_/g, " ")}</strong>.</p>
          <p style="color:#5f6b7e">On Stripe this is the hosted customer portal, where the customer changes the card, the plan, or cancels.</p>
          <form method="post" action="/simulated/portal/cancel?vendor=stripe"><button type="submit" data-testid="portal-cancel">Cancel subscription</button></form>
          ${session.return_url ? html`<p><a href="${session.return_url}">Return to the app</a></p>` : ""}`,
      );
    }
    if (target.hostname === "sandbox-customer-portal.paddle.com") {
      const session = sims.paddle.sessions.find(
        (candidate) =>
          candidate.urls.general.overview === target.href ||
          candidate.urls.subscriptions.some((links) =>
            [links.cancel_subscription, links.update_subscription_payment_method].includes(target.href),
          ),
      );
      if (!session || session.customer_id !== customerId) return notFound();
      const action = target.searchParams.get("action") ?? "overview";
      return page(
        "Paddle customer portal",
        html`<h1>Paddle customer portal</h1>
          <p>Portal session <code>${session.id}</code> for customer <strong data-testid="portal-customer">${session.customer_id}</strong>.</p>
          <p>Opened on: <strong data-testid="portal-flow">${action.replace(/_/g, " ")}</strong>.</p>
          <p style="color:#5f6b7e">On Paddle this is the customer portal, where the customer updates the payment method of a subscription, downloads invoices, or cancels.</p>
          <form method="post" action="/simulated/portal/cancel?vendor=paddle"><button type="submit" data-testid="portal-cancel">Cancel subscription</button></form>
          <p><a href="/account">Return to the app</a></p>`,
      );
    }
    const chargebee = /^\/pages\/v3\/([^/]+)\/$/.exec(target.pathname);
    if (target.hostname.endsWith(".chargebee.com") && chargebee) {
      const hosted = sims.chargebee.hostedPages.get(chargebee[1] ?? "");
      if (!hosted || owners.ownerOf(target.href) !== customerId) return notFound();
      return page(
        "Chargebee hosted page",
        html`<h1>Chargebee hosted page</h1>
          <p>Hosted page <code>${hosted.id}</code>: <strong data-testid="portal-flow">${(hosted.type ?? "").replace(/_/g, " ")}</strong>.</p>
          <p style="color:#5f6b7e">On Chargebee this page lets the customer add, replace or remove a card.</p>
          <p><a href="/account">Return to the app</a></p>`,
      );
    }
    return notFound();
  }

  function invoicePdf(target: URL, customerId: string): Response {
    let lines: string[] | undefined;
    const stripe = /^\/invoice\/[^/]+\/([^/]+)\/pdf$/.exec(target.pathname);
    const chargebee = /^\/invoices\/([^/]+)\.pdf$/.exec(target.pathname);
    if (target.hostname === "pay.stripe.com" && stripe) {
      const invoice = sims.stripe.invoice(safeDecode(stripe[1] ?? ""));
      if (invoice && invoice.customer === customerId) {
        const total = formatMoney({ amount: invoice.total, currency: invoice.currency.toUpperCase() });
        lines = [
          `Invoice ${invoice.number ?? invoice.id}`,
          `Id: ${invoice.id}`,
          `Customer: ${String(invoice.customer)}`,
          `Status: ${invoice.status}`,
          `Total: ${total}`,
        ];
      }
    } else if (target.hostname === "paddle-sandbox-invoice-service-pdfs.s3.amazonaws.com") {
      const id = /^\/invoices\/([^/]+)\.pdf$/.exec(target.pathname)?.[1];
      const transaction = id === undefined ? undefined : sims.paddle.transaction(safeDecode(id));
      if (transaction && transaction.customer_id === customerId) {
        const totals = transaction.details?.totals;
        const total = formatMoney({ amount: Number(totals?.total ?? 0), currency: transaction.currency_code });
        lines = [
          `Invoice ${transaction.invoice_number ?? transaction.id}`,
          `Id: ${transaction.id}`,
          `Customer: ${transaction.customer_id}`,
          `Status: ${transaction.status}`,
          `Total: ${total}`,
        ];
      }
    } else if (target.hostname.endsWith(".chargebee-docs.example") && chargebee) {
      const invoice = sims.chargebee.invoices.get(safeDecode(chargebee[1] ?? ""));
      if (invoice && invoice.customer_id === customerId) {
        const total = formatMoney({ amount: invoice.total ?? 0, currency: invoice.currency_code });
        lines = [
          `Invoice ${invoice.id}`,
          `Id: ${invoice.id}`,
          `Customer: ${invoice.customer_id}`,
          `Status: ${invoice.status}`,
          `Total: ${total}`,
        ];
      }
    }
    if (!lines) return notFound();
    lines.push("", "Simulated invoice PDF from the portalkit demo.");
    const name = (lines[1] ?? "invoice").replace(/^Id: /, "").replace(/[^A-Za-z0-9_.-]/g, "_");
    return new Response(simplePdf(lines), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}.pdf"` },
    });
  }

  /**
   * A cancellation made in the vendor's portal: the vendor changes the subscription (at the
   * end of the term, the portals' default) and tells the app by webhook; the app never
   * calls cancel. The stand-in portals offer one cancel button, for the customer's first
   * subscription still running (the plan the account started with, not a later add-on).
   */
  function portalCancel(url: URL, customerId: string): Response {
    const vendor = url.searchParams.get("vendor");
    if (vendor === "chargebee") {
      const live = sims.chargebee.subscriptions
        .values()
        .filter((s) => s.customer_id === customerId && s.status !== "cancelled" && s.status !== "non_renewing");
      const first = live.at(-1);
      if (first) sims.chargebee.cancelFromPortal(first.id);
    } else if (vendor === "paddle") {
      // Newest first: the oldest running one is the plan the account started with.
      const owned = sims.paddle.subscriptions.values().filter((s) => s.customer_id === customerId);
      for (const subscription of owned.reverse()) if (sims.paddle.cancelFromPortal(subscription.id)) break;
    } else if (vendor === "stripe") {
      const owned = sims.stripe.subscriptions
        .values()
        .filter((s) => (typeof s.customer === "string" ? s.customer : s.customer.id) === customerId);
      // Newest first: try the oldest first; cancelFromPortal refuses one that has ended.
      for (const subscription of owned.reverse()) {
        if (subscription.cancel_at_period_end) continue;
        if (sims.stripe.cancelFromPortal(subscription.id)) break;
      }
    }
    return new Response(null, { status: 303, headers: { location: "/account" } });
  }

  return (request, customerId) => {
    const url = new URL(request.url);
    if (url.pathname === "/simulated/portal/cancel" && request.method === "POST") {
      return customerId === null ? notFound() : portalCancel(url, customerId);
    }
    const script = scripts.get(url.pathname);
    if (script !== undefined) return new Response(script, { headers: { "content-type": "text/javascript" } });
    if (url.pathname !== "/simulated/page" && url.pathname !== "/simulated/pdf") return undefined;
    // What a vendor shows is the signed-in customer's own: anyone else gets the same 404 as
    // for a link that does not exist.
    if (customerId === null) return notFound();
    let target: URL;
    try {
      target = new URL(url.searchParams.get("url") ?? "");
    } catch {
      return notFound();
    }
    return url.pathname === "/simulated/pdf" ? invoicePdf(target, customerId) : hostedPage(target, customerId);
  };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}
