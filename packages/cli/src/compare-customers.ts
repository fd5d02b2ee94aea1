import {
  allInvoices,
  diffInvoices,
  diffSubscriptions,
  type Invoice,
  type InvoiceDiffOptions,
  type PortalDiff,
  PortalError,
  type PortalProvider,
  type Subscription,
} from "@portalkit/core";
import type { CustomerMapping } from "./customer-map";

export interface CustomerComparison {
  from: string;
  to: string;
  invoices: { from: number; to: number };
  subscriptions: number;
  diffs: PortalDiff[];
  /** Calls that failed on either side (the customer is missing, the vendor is down). */
  errors: string[];
}

export interface CompareOptions {
  from: PortalProvider;
  to: PortalProvider;
  customers: CustomerMapping[];
  includePending?: boolean;
  invoiceKey?: InvoiceDiffOptions["key"];
  /** Customers compared at once. Default 4. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Compares every mapped customer's invoices and subscriptions on two providers, walking
 * each side's invoices page by page. Differences are reported, never fixed.
 */
export async function compareCustomers(options: CompareOptions): Promise<CustomerComparison[]> {
  const results: CustomerComparison[] = new Array(options.customers.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < options.customers.length; index = next++) {
      const mapping = options.customers[index] as CustomerMapping;
      results[index] = await compareOne(options, mapping);
      options.onProgress?.(++done, options.customers.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, options.customers.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

async function compareOne(options: CompareOptions, mapping: CustomerMapping): Promise<CustomerComparison> {
  const result: CustomerComparison = {
    from: mapping.from,
    to: mapping.to,
    invoices: { from: 0, to: 0 },
    subscriptions: mapping.subscriptions.length,
    diffs: [],
    errors: [],
  };
  const walk = async (provider: PortalProvider, customerId: string, side: "from" | "to") => {
    const invoices: Invoice[] = [];
    try {
      const input = options.includePending ? { customerId, includePending: true } : { customerId };
      for await (const invoice of allInvoices(provider, input)) invoices.push(invoice);
    } catch (error) {
      result.errors.push(`${side} ${customerId}: ${errorText(error)}`);
      return undefined;
    }
    result.invoices[side] = invoices.length;
    return invoices;
  };
  const [fromExists, toExists] = await Promise.all([
    customerExists(options.from, mapping.from),
    customerExists(options.to, mapping.to),
  ]);
  if (!fromExists || !toExists) {
    // Nothing to compare: every invoice would be reported missing on the other side.
    if (!fromExists) result.errors.push(`from ${mapping.from}: no such customer`);
    if (!toExists) result.errors.push(`to ${mapping.to}: no such customer`);
    return result;
  }
  const [left, right] = await Promise.all([
    walk(options.from, mapping.from, "from"),
    walk(options.to, mapping.to, "to"),
  ]);
  if (left && right) {
    result.diffs.push(...diffInvoices(left, right, options.invoiceKey ? { key: options.invoiceKey } : {}));
  }
  for (const sub of mapping.subscriptions) {
    // undefined: the subscription does not exist there; null: it could not be read.
    const read = async (
      provider: PortalProvider,
      customerId: string,
      subscriptionId: string,
      side: string,
    ): Promise<Subscription | undefined | null> => {
      if (!provider.getSubscription) {
        result.errors.push(`${side}: ${provider.id} cannot read subscriptions`);
        return null;
      }
      try {
        return await provider.getSubscription({ customerId, subscriptionId });
      } catch (error) {
        if (PortalError.isInstance(error) && error.code === "not_found") return undefined;
        result.errors.push(`${side} ${subscriptionId}: ${errorText(error)}`);
        return null;
      }
    };
    const [a, b] = await Promise.all([
      read(options.from, mapping.from, sub.from, "from"),
      read(options.to, mapping.to, sub.to, "to"),
    ]);
    if (a !== null && b !== null) result.diffs.push(...diffSubscriptions(`${sub.from}→${sub.to}`, a, b));
  }
  return result;
}

/**
 * False when the provider says the customer does not exist (an invoice list of a missing
 * customer is just empty). Read with `getCustomer` where the provider has it, which changes
 * nothing at the vendor; otherwise by opening a portal session for the customer, which fails
 * for a missing one, and logging it out again where the provider can. Other failures are
 * left to the reads that follow.
 */
async function customerExists(provider: PortalProvider, customerId: string): Promise<boolean> {
  const missing = (error: unknown) => PortalError.isInstance(error) && error.code === "not_found";
  try {
    if (provider.capabilities.getCustomer && provider.getCustomer) {
      await provider.getCustomer({ customerId });
      return true;
    }
    const session = await provider.createSession({ customerId });
    await provider.logout?.({ customerId, sessionId: session.id }).catch(() => undefined);
    return true;
  } catch (error) {
    return !missing(error);
  }
}

function errorText(error: unknown): string {
  if (PortalError.isInstance(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
