import type {
  ConformanceHarness,
  HarnessFaultRule,
  HarnessOperation,
  SimSubscriptionState,
} from "@portalkit/conformance";
import { mountOnMsw } from "@portalkit/conformance/msw";
import type { PortalProvider, PortalSection } from "@portalkit/core";
import type { FaultRule } from "@portalkit/core/testing";
import { fromWireAddress } from "../address";
import { normalizeSubscription } from "../normalize";
import { createMemoryProvider, MEMORY_API_URL, type MemoryProviderOptions } from "../provider";
import { createMemoryBackend, type MemoryBackend } from "./simulator";

export interface MemoryHarnessOptions {
  /** Shown in the suite's describe block; default "memory". */
  name?: string;
  /** Sections the provider opens directly; default all seven. */
  sections?: readonly PortalSection[];
  /**
   * Builds the provider under test from the options the harness chose. Default
   * createMemoryProvider; pass your own to run the suite against a decorated provider.
   */
  provider?: (options: MemoryProviderOptions, backend: MemoryBackend) => PortalProvider;
}

const API_KEY = "mem_key_conformance_0123456789";

/** The vendor paths behind each operation name of the suite's fault rules. */
const OPERATION_PATHS: Record<HarnessOperation, { method: string; path: RegExp }> = {
  createSession: { method: "POST", path: /^\/v1\/portal_sessions$/ },
  paymentMethodLaunch: { method: "POST", path: /^\/v1\/portal_sessions$/ },
  logout: { method: "POST", path: /^\/v1\/portal_sessions\/[^/]+\/logout$/ },
  listInvoices: { method: "GET", path: /^\/v1\/invoices$/ },
  invoicePdf: { method: "GET", path: /^\/v1\/invoices\/[^/]+\/pdf$/ },
  getSubscription: { method: "GET", path: /^\/v1\/subscriptions\/[^/]+$/ },
  cancel: { method: "POST", path: /^\/v1\/subscriptions\/[^/]+\/cancel$/ },
  reactivate: { method: "POST", path: /^\/v1\/subscriptions\/[^/]+\/reactivate$/ },
  updateAddress: { method: "POST", path: /^\/v1\/customers\/[^/]+\/addresses$/ },
};

/**
 * A parameter of each call, in the API's bracket form, and the dotted field the adapter
 * must report for it, for the parameter-error scenario.
 */
const OPERATION_PARAMS: Record<HarnessOperation, [param: string, field: string]> = {
  createSession: ["return_url", "return_url"],
  paymentMethodLaunch: ["return_url", "return_url"],
  logout: ["id", "id"],
  listInvoices: ["limit", "limit"],
  invoicePdf: ["id", "id"],
  getSubscription: ["id", "id"],
  cancel: ["cancellation[reason_code]", "cancellation.reason_code"],
  reactivate: ["id", "id"],
  updateAddress: ["address[postal_code]", "address.postal_code"],
};

function toFaultRule({ operation, ...rule }: HarnessFaultRule): FaultRule {
  return operation ? { ...rule, ...OPERATION_PATHS[operation] } : rule;
}

/**
 * The conformance harness for the memory adapter: each setup makes a fresh backend,
 * mounts it on MSW at MEMORY_API_URL and builds the provider with global fetch, as an
 * adapter on a vendor SDK runs in its own tests.
 */
export function createMemoryHarness(options: MemoryHarnessOptions = {}): ConformanceHarness {
  const build = options.provider ?? ((providerOptions) => createMemoryProvider(providerOptions));
  return {
    name: options.name ?? "memory",
    invoiceStatuses: ["draft", "open", "paid", "void", "uncollectible", "pending"],
    sessionExpiry: true,
    async setup({ retry, timeoutMs }) {
      const backend = createMemoryBackend({ apiKey: API_KEY });
      const unmount = mountOnMsw(MEMORY_API_URL, backend.fetch);
      const provider = build(
        { apiKey: API_KEY, retry, timeoutMs, ...(options.sections ? { sections: options.sections } : {}) },
        backend,
      );
      return {
        provider,
        secrets: [API_KEY],
        async seed(world) {
          backend.seed(world);
        },
        async readSubscription(id) {
          const wire = backend.state.subscriptions.get(id);
          if (!wire) return undefined;
          const { status, cancelAt, canceledAt } = normalizeSubscription(wire);
          const state: SimSubscriptionState = { id, customerId: wire.customer_id, status };
          if (cancelAt) state.cancelAt = cancelAt;
          if (canceledAt) state.canceledAt = canceledAt;
          return state;
        },
        async readAddress({ customerId, kind, subscriptionId }) {
          const customer = backend.state.customers.get(customerId);
          const subscription = subscriptionId ? backend.state.subscriptions.get(subscriptionId) : undefined;
          const wire =
            kind === "billing"
              ? customer?.billing_address
              : subscription
                ? subscription.shipping_address
                : customer?.shipping_address;
          return wire ? fromWireAddress(wire) : undefined;
        },
        async readSession(id) {
          const session = backend.state.sessions.get(id);
          return session ? { status: session.status } : undefined;
        },
        get requests() {
          return backend.requests;
        },
        clearRequests: () => backend.clearRequests(),
        inject: (rule) => backend.inject(toFaultRule(rule)),
        injectParamError(operation) {
          const [param, field] = OPERATION_PARAMS[operation];
          backend.injectParamError({ ...OPERATION_PATHS[operation], param });
          return { field };
        },
        async close() {
          unmount();
        },
      };
    },
  };
}

/** The harness `portalkit conformance` and the memory adapter's own test run. */
export const memoryHarness: ConformanceHarness = createMemoryHarness();
