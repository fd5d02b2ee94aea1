import { invoicePages } from "./all-invoices";
import { defaultInvoiceKey, diffInvoices, diffSubscriptions, type PortalDiff } from "./diff";
import type { GetSubscriptionInput, ListInvoicesInput } from "./inputs";
import { OPERATION_NAMES } from "./operations";
import type { PortalProvider } from "./provider";
import type { Invoice } from "./schemas";

export interface ShadowReport {
  operation: "listInvoices" | "getSubscription";
  customerId: string;
  diffs: PortalDiff[];
}

export interface ShadowOptions {
  /** Answers every call. */
  primary: PortalProvider;
  /** Asked the same read questions in the background; never answers, never slows. */
  shadow: PortalProvider;
  /** Called once per compared read that found differences. */
  onDiff: (report: ShadowReport) => void;
  /** Called when the shadow itself fails (it never fails the primary answer). */
  onError?: (error: unknown) => void;
  /** The shadow's id for a primary customer id (ids often change in a migration). */
  mapCustomerId?: (customerId: string) => string | Promise<string>;
  /** The shadow's id for a primary subscription id. */
  mapSubscriptionId?: (subscriptionId: string) => string | Promise<string>;
  /** How an invoice is recognised on both sides; default its number, else its id. */
  invoiceKey?: (invoice: Invoice) => string;
  /** Most shadow pages read to cover one primary page. Default 20. */
  maxShadowPages?: number;
}

export interface ShadowProvider extends PortalProvider {
  /** Resolves when every background comparison started so far has finished. */
  settled(): Promise<void>;
}

/**
 * Shadow mode for a migration: reads are answered by the primary, and the same reads are
 * made against the shadow afterwards, off the request path; differences (an invoice
 * missing, an amount or status that differs) are reported to `onDiff`.
 *
 * A page of invoices is compared with the shadow's invoices from the same stretch of
 * time (pages of two vendors do not line up), so every page of a walk is checked.
 */
export function createShadow(options: ShadowOptions): ShadowProvider {
  const { primary, shadow } = options;
  const pending = new Set<Promise<void>>();
  const mapCustomer = options.mapCustomerId ?? ((id: string) => id);
  const mapSubscription = options.mapSubscriptionId ?? ((id: string) => id);
  const key = options.invoiceKey ?? defaultInvoiceKey;

  function inBackground(task: () => Promise<ShadowReport | undefined>): void {
    const run = (async () => {
      // Start after the primary answer has been handed back.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      try {
        const report = await task();
        if (report && report.diffs.length > 0) options.onDiff(report);
      } catch (error) {
        options.onError?.(error);
      }
    })();
    pending.add(run);
    void run.finally(() => pending.delete(run));
  }

  async function compareInvoicePage(input: ListInvoicesInput, data: Invoice[], last: boolean): Promise<ShadowReport> {
    const first = input.cursor === undefined;
    const newest = first ? Number.POSITIVE_INFINITY : Date.parse(data[0]?.issuedAt ?? "");
    const oldest = last ? Number.NEGATIVE_INFINITY : Date.parse(data.at(-1)?.issuedAt ?? "");
    const shadowInput: ListInvoicesInput = { customerId: await mapCustomer(input.customerId) };
    if (input.subscriptionId) shadowInput.subscriptionId = await mapSubscription(input.subscriptionId);
    if (input.status) shadowInput.status = input.status;
    if (input.includePending !== undefined) shadowInput.includePending = input.includePending;

    const wanted = new Set(data.map(key));
    const covered: Invoice[] = [];
    let pages = 0;
    walk: for await (const page of invoicePages(shadow, shadowInput)) {
      for (const invoice of page.data) {
        const at = Date.parse(invoice.issuedAt);
        if (at < oldest) break walk;
        // Invoices on a page boundary may sit on the neighbouring primary page.
        if (wanted.has(key(invoice)) || (at < newest && at > oldest)) covered.push(invoice);
      }
      if (++pages >= (options.maxShadowPages ?? 20)) break;
    }
    return {
      operation: "listInvoices",
      customerId: input.customerId,
      diffs: diffInvoices(data, covered, { key }),
    };
  }

  const provider: ShadowProvider = {
    ...bindAll(primary),
    id: primary.id,
    capabilities: primary.capabilities,
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async listInvoices(input) {
      const page = await primary.listInvoices(input);
      inBackground(() => compareInvoicePage(input, page.data, page.nextCursor === undefined));
      return page;
    },
  };
  if (primary.getSubscription) {
    const getPrimary = primary.getSubscription.bind(primary);
    provider.getSubscription = async (input: GetSubscriptionInput) => {
      const subscription = await getPrimary(input);
      inBackground(async () => {
        if (!shadow.getSubscription) return undefined;
        const other = await shadow
          .getSubscription({
            customerId: await mapCustomer(input.customerId),
            subscriptionId: await mapSubscription(input.subscriptionId),
          })
          .catch((error: unknown) => {
            if (typeof error === "object" && error !== null && (error as { code?: string }).code === "not_found")
              return undefined;
            throw error;
          });
        return {
          operation: "getSubscription",
          customerId: input.customerId,
          diffs: diffSubscriptions(input.subscriptionId, subscription, other),
        };
      });
      return subscription;
    };
  }
  return provider;
}

function bindAll(provider: PortalProvider): PortalProvider {
  const bound: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    const method = provider[name];
    if (typeof method === "function") bound[name] = method.bind(provider);
  }
  return bound as unknown as PortalProvider;
}
