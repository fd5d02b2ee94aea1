import type { WireInvoice } from "./wire";

export interface InvoiceQuery {
  customerId?: string;
  subscriptionId?: string;
  /** Keep an invoice whose status passes. */
  status?: (status: WireInvoice["status"]) => boolean;
  includeDeleted: boolean;
  order: "desc" | "asc";
  limit: number;
  /** A `next_offset` this index issued. */
  offset?: InvoiceKey;
}

/** Where a page ended: the sort key of its last invoice. */
export interface InvoiceKey {
  date: number;
  id: string;
}

/**
 * Invoices kept sorted newest first (by date, then id), overall and per customer, so a
 * page is found by binary search and costs the same however deep into the list it is.
 * `next_offset` is the last invoice's key, as Chargebee's `["<ms>","<id>"]` string.
 */
export class InvoiceIndex {
  readonly byId = new Map<string, WireInvoice>();
  private all: WireInvoice[] = [];
  private byCustomer = new Map<string, WireInvoice[]>();
  private dirty = false;

  put(invoice: WireInvoice): void {
    const previous = this.byId.get(invoice.id);
    this.byId.set(invoice.id, invoice);
    if (previous) {
      this.rebuild();
      return;
    }
    this.all.push(invoice);
    const list = this.byCustomer.get(invoice.customer_id);
    if (list) list.push(invoice);
    else this.byCustomer.set(invoice.customer_id, [invoice]);
    this.dirty = true;
  }

  clear(): void {
    this.byId.clear();
    this.all = [];
    this.byCustomer.clear();
  }

  page(query: InvoiceQuery): { list: WireInvoice[]; next?: InvoiceKey } {
    this.sort();
    const source = query.customerId === undefined ? this.all : (this.byCustomer.get(query.customerId) ?? []);
    const matches = (invoice: WireInvoice) =>
      (query.includeDeleted || !invoice.deleted) &&
      (query.subscriptionId === undefined || invoice.subscription_id === query.subscriptionId) &&
      (query.status === undefined || query.status(invoice.status));
    const list: WireInvoice[] = [];
    const step = query.order === "desc" ? 1 : -1;
    let i =
      query.order === "desc" ? this.firstAfterDesc(source, query.offset) : this.lastBeforeDesc(source, query.offset);
    for (; i >= 0 && i < source.length; i += step) {
      const invoice = source[i] as WireInvoice;
      if (!matches(invoice)) continue;
      if (list.length === query.limit) {
        const last = list[list.length - 1] as WireInvoice;
        return { list, next: { date: last.date ?? 0, id: last.id } };
      }
      list.push(invoice);
    }
    return { list };
  }

  private rebuild(): void {
    const invoices = [...this.byId.values()];
    this.all = [];
    this.byCustomer.clear();
    for (const invoice of invoices) {
      this.byId.delete(invoice.id);
      this.put(invoice);
    }
  }

  private sort(): void {
    if (!this.dirty) return;
    this.all.sort(compareDesc);
    for (const list of this.byCustomer.values()) list.sort(compareDesc);
    this.dirty = false;
  }

  /** Index of the first invoice that sorts after `key` (newest first). */
  private firstAfterDesc(list: WireInvoice[], key: InvoiceKey | undefined): number {
    if (!key) return 0;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareDesc(list[mid] as WireInvoice, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last invoice that sorts before `key` (newest first), for oldest-first pages. */
  private lastBeforeDesc(list: WireInvoice[], key: InvoiceKey | undefined): number {
    if (!key) return list.length - 1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareDesc(list[mid] as WireInvoice, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}

function compareDesc(a: { date?: number; id: string }, b: { date?: number; id: string }): number {
  const byDate = (b.date ?? 0) - (a.date ?? 0);
  if (byDate !== 0) return byDate;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function encodeOffset(key: InvoiceKey): string {
  return JSON.stringify([String(key.date * 1000), key.id]);
}

export function decodeOffset(offset: string): InvoiceKey | undefined {
  try {
    const value: unknown = JSON.parse(offset);
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [ms, id] = value;
    if (typeof ms !== "string" || !/^\d+$/.test(ms) || typeof id !== "string" || id === "") return undefined;
    return { date: Number(ms) / 1000, id };
  } catch {
    return undefined;
  }
}
