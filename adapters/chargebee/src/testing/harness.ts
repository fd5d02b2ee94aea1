import type { ConformanceHarness, HarnessContext, SimSubscriptionState } from "@portalkit/conformance";
import { vendorParamToField } from "@portalkit/core";
import type { LoopbackServer } from "@portalkit/core/testing";
import { fromChargebeeAddress } from "../address";
import { normalizeSubscription } from "../normalize-subscription";
import { createChargebeeProvider } from "../provider";
import { OPERATION_PARAMS, OPERATION_REQUESTS } from "./operations";
import { createChargebeeSimulator } from "./simulator";

export interface ChargebeeHarnessOptions {
  /**
   * `msw` (default): the simulator answers at `https://{site}.chargebee.com` through MSW
   * (needs `msw` and `@portalkit/conformance`). `loopback`: it listens on 127.0.0.1 and the
   * provider is pointed at it with `apiBaseUrl`.
   */
  transport?: "msw" | "loopback";
}

let harnessCount = 0;

/** The conformance harness for Chargebee: a fresh simulator and provider per setup. */
export function createChargebeeHarness(options: ChargebeeHarnessOptions = {}): ConformanceHarness {
  const transport = options.transport ?? "msw";
  return {
    name: transport === "msw" ? "chargebee" : "chargebee (loopback)",
    invoiceStatuses: ["paid", "open", "void", "uncollectible", "pending"],
    sessionExpiry: true,
    invoiceNumber: "id",
    async setup({ retry, timeoutMs }) {
      const n = ++harnessCount;
      const site = `portalkit-conformance-${n}`;
      const apiKey = `test_cbsim_${crypto.randomUUID().replace(/-/g, "")}`;
      const sim = createChargebeeSimulator({ site, apiKey });
      let server: LoopbackServer | undefined;
      let unmount: (() => void) | undefined;
      if (transport === "loopback") {
        server = await sim.listen();
      } else {
        // Loaded only here: msw is a dependency of @portalkit/conformance, not of this package.
        const { mountOnMsw } = await import("@portalkit/conformance");
        unmount = mountOnMsw(`https://${site}.chargebee.com`, (request) => sim.handle(request));
      }
      const provider = createChargebeeProvider({
        site,
        apiKey,
        retry,
        timeoutMs,
        ...(server ? { apiBaseUrl: server.url } : {}),
      });

      const context: HarnessContext = {
        provider,
        secrets: [apiKey],
        async seed(world) {
          sim.seed({ ...world, invoices: world.invoices.filter((invoice) => invoice.status !== "draft") });
        },
        async readSubscription(id) {
          const wire = sim.subscriptions.get(id);
          if (!wire) return undefined;
          const normalized = normalizeSubscription(structuredClone(wire));
          const state: SimSubscriptionState = {
            id: normalized.id,
            customerId: normalized.customerId,
            status: normalized.status,
          };
          if (normalized.cancelAt) state.cancelAt = normalized.cancelAt;
          if (normalized.canceledAt) state.canceledAt = normalized.canceledAt;
          return state;
        },
        async readAddress({ customerId, kind, subscriptionId }) {
          if (kind === "billing") return fromChargebeeAddress(sim.customers.get(customerId)?.billing_address);
          if (subscriptionId === undefined) return undefined;
          const subscription = sim.subscriptions.get(subscriptionId);
          return subscription?.customer_id === customerId
            ? fromChargebeeAddress(subscription.shipping_address)
            : undefined;
        },
        async readSession(id) {
          const session = sim.portalSessions.get(id);
          if (!session) return undefined;
          return { status: session.status === "logged_out" ? "logged_out" : "active" };
        },
        get requests() {
          return sim.requests;
        },
        clearRequests: () => sim.clearRequests(),
        inject({ operation, ...rule }) {
          sim.inject(operation ? { ...rule, ...OPERATION_REQUESTS[operation] } : rule);
        },
        injectParamError(operation) {
          const param = OPERATION_PARAMS[operation];
          sim.injectParamError({ param, ...OPERATION_REQUESTS[operation] });
          return { field: vendorParamToField(param) };
        },
        async close() {
          unmount?.();
          await server?.close();
        },
      };
      return context;
    },
  };
}

/** The default harness (MSW transport), for `describeConformance` and `portalkit conformance`. */
export const chargebeeHarness: ConformanceHarness = createChargebeeHarness();
