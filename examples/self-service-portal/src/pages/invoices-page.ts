import type { Invoice } from "@portalkit/core";
import { formatDate, formatMoney } from "./format";
import { html, type SafeHtml } from "./html";

export interface InvoicesPageOptions {
  invoices: readonly Invoice[];
  /** The page number, from 1. */
  page: number;
  /** Link to the next (older) page, when there is one. */
  nextHref?: string;
  /** Link to the previous (newer) page, when this is not the first. */
  previousHref?: string;
}

export function invoicesPage(options: InvoicesPageOptions): SafeHtml {
  const rows = options.invoices.map(
    (invoice) => html`<tr data-invoice="${invoice.id}">
      <td>${invoice.number ?? invoice.id}</td>
      <td>${formatDate(invoice.issuedAt)}</td>
      <td><span class="badge ${invoice.status}">${invoice.status}</span></td>
      <td class="amount">${formatMoney(invoice.total)}</td>
      <td class="amount">${invoice.amountDue.amount > 0 ? formatMoney(invoice.amountDue) : "–"}</td>
      <td>${
        invoice.status === "pending"
          ? html`<span class="muted">not final yet</span>`
          : html`<a href="/account/invoices/${encodeURIComponent(invoice.id)}/pdf" data-pdf="${invoice.id}">PDF</a>`
      }</td>
    </tr>`,
  );
  return html`<h1>Invoices</h1>
    <div class="card">
      ${
        options.invoices.length === 0
          ? html`<p class="muted">No invoices yet.</p>`
          : html`<table>
              <thead><tr><th>Number</th><th>Date</th><th>Status</th><th class="amount">Total</th><th class="amount">Due</th><th>Download</th></tr></thead>
              <tbody>${rows}</tbody>
            </table>`
      }
      <div class="actions" style="align-items:center">
        ${options.previousHref ? html`<a class="button secondary" rel="prev" href="${options.previousHref}">← Newer</a>` : ""}
        <span class="muted" data-testid="page-number">Page ${options.page}</span>
        ${options.nextHref ? html`<a class="button secondary" rel="next" href="${options.nextHref}">Older →</a>` : ""}
      </div>
    </div>`;
}
