import {
  type Capabilities,
  decodeCursor,
  defineCapabilities,
  encodeCursor,
  type Invoice,
  ListInvoicesInputSchema,
  PortalError,
  type PortalProvider,
  parseInput,
  type Subscription,
} from "../src/index";

/** A small provider over arrays, for testing what core builds on top of providers. */
export function fakeProvider(
  id: string,
  data: { invoices?: Invoice[]; subscriptions?: Subscription[] } = {},
  capabilities: Partial<Capabilities> = {},
) {
  const calls: Array<{ op: string; customerId: string }> = [];
  const invoices = data.invoices ?? [];
  const subscriptions = data.subscriptions ?? [];
  let delay: Promise<void> | undefined;
  const provider: PortalProvider & { calls: typeof calls; hold(gate: Promise<void>): void } = {
    id,
    calls,
    hold(gate) {
      delay = gate;
    },
    capabilities: defineCapabilities({
      sections: ["billing_history", "address"],
      cancelModes: ["now", "period_end"],
      getSubscription: true,
      ...capabilities,
    }),
    async createSession(input) {
      calls.push({ op: "createSession", customerId: input.customerId });
      return {
        id: `ps_${id}`,
        provider: id,
        customerId: input.customerId,
        createdAt: new Date(0).toISOString(),
        raw: {},
      };
    },
    async openPortal(input) {
      calls.push({ op: "openPortal", customerId: input.customerId });
      return { kind: "redirect", provider: id, url: `https://${id}.test/portal` };
    },
    async openSection(input) {
      calls.push({ op: "openSection", customerId: input.customerId });
      return { kind: "redirect", provider: id, url: `https://${id}.test/${input.section}` };
    },
    async listInvoices(raw) {
      const input = parseInput(ListInvoicesInputSchema, raw, id);
      calls.push({ op: "listInvoices", customerId: input.customerId });
      if (delay) await delay;
      const mine = invoices.filter((i) => i.customerId === input.customerId);
      const start = input.cursor ? Number(decodeCursor(id, input.customerId, input.cursor)) : 0;
      const end = start + (input.limit ?? 100);
      const page: { data: Invoice[]; nextCursor?: string } = { data: mine.slice(start, end) };
      if (end < mine.length) page.nextCursor = encodeCursor(id, input.customerId, String(end));
      return page;
    },
    async cancel(input) {
      calls.push({ op: "cancel", customerId: input.customerId });
      return provider.getSubscription!(input);
    },
    async getSubscription(input) {
      calls.push({ op: "getSubscription", customerId: input.customerId });
      if (delay) await delay;
      const found = subscriptions.find((s) => s.id === input.subscriptionId && s.customerId === input.customerId);
      if (!found) throw new PortalError({ code: "not_found", provider: id, message: "No such subscription" });
      return found;
    },
  };
  return provider;
}

export function invoice(
  id: string,
  customerId: string,
  day: number,
  amount = 1000,
  status: Invoice["status"] = "paid",
): Invoice {
  return {
    id,
    provider: "fake",
    customerId,
    number: id.toUpperCase(),
    status,
    total: { amount, currency: "USD" },
    amountDue: { amount: status === "paid" ? 0 : amount, currency: "USD" },
    amountPaid: { amount: status === "paid" ? amount : 0, currency: "USD" },
    issuedAt: new Date(Date.UTC(2026, 0, 1) - day * 86_400_000).toISOString(),
    raw: {},
  };
}
