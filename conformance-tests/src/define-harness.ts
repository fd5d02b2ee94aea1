import { type Address, type PaymentMethodSummary, type PortalProvider, vendorParamToField } from "@portalkit/core";
import type {
  FaultRule,
  LoopbackServer,
  Simulator,
  WebhookOutbox,
  WebhookTarget,
  World,
} from "@portalkit/core/testing";
import type {
  ConformanceHarness,
  HarnessContext,
  HarnessManifest,
  HarnessOperation,
  HarnessSetupOptions,
  HarnessWebhooks,
  PortalSessionState,
  ReceivedWebhook,
  SecretLifetime,
  SimSubscriptionState,
} from "./harness";
import { mountOnMsw } from "./msw";

/**
 * How the provider reaches the simulator: `msw` (default) serves it at the vendor's own
 * origin inside the test process; `loopback` serves it on 127.0.0.1 over node:http and
 * points the provider at that address.
 */
export type HarnessTransport = "msw" | "loopback";

export interface HarnessTransportOptions {
  transport?: HarnessTransport;
}

/** One vendor request: its method and its path (exact, or a pattern). */
export interface VendorCall {
  method: string;
  path: string | RegExp;
}

/** The vendor requests behind each operation; an empty list: the provider sends none. */
export type VendorCalls = Readonly<Record<HarnessOperation, readonly VendorCall[]>>;

export interface ProviderContext<S> {
  simulator: S;
  setup: HarnessSetupOptions;
  /** The loopback server's address (`http://127.0.0.1:PORT`); undefined on MSW. */
  baseUrl: string | undefined;
}

/** The harness's own reading of the simulator's records (never the adapter's normalizers). */
export interface StateReaders<S> {
  subscription(simulator: S, id: string): SimSubscriptionState | undefined;
  address(
    simulator: S,
    query: { customerId: string; kind: "billing" | "shipping"; subscriptionId?: string },
  ): Address | undefined;
  /** For adapters that claim `logout`. */
  session?(simulator: S, id: string): { status: "active" | "logged_out" } | undefined;
  /** For adapters that send a cancellation reason: the reason stored on the subscription. */
  cancelReason?(simulator: S, subscriptionId: string): string | undefined;
  /** For adapters that claim `getCustomer`: the customer's card on file, summarized. */
  paymentMethod?(simulator: S, customerId: string): PaymentMethodSummary | undefined;
  /** The vendor's record of a portal session, for the return-URL scenario. */
  portalSession?(simulator: S, id: string): PortalSessionState | undefined;
}

/** The simulator's clock for one test: the wall clock, moved forward by `advance`. */
export interface HarnessClock {
  /** Milliseconds since the epoch. */
  now(): number;
  advance(seconds: number): void;
}

/** How the suite receives a simulator's webhooks. */
export interface WebhookDeclaration<S> {
  /** Points the simulator's delivery at the suite's endpoint. */
  attach(simulator: S, target: WebhookTarget): void;
  outbox(simulator: S): WebhookOutbox<unknown>;
}

export interface HarnessDeclaration<S extends Simulator> {
  name: string;
  manifest: HarnessManifest;
  /** A fresh simulator, for one test, on the clock given. */
  simulator(clock: HarnessClock): S;
  /** The origin the provider calls by default: MSW serves the simulator there. */
  origin(simulator: S): string;
  provider(context: ProviderContext<S>): PortalProvider;
  calls: VendorCalls;
  /**
   * A parameter of each operation's request, in the vendor's own form
   * (`billing_address[line1]`), that `injectParamError` makes the vendor refuse. The field
   * the adapter must report is its dotted form. Operations left out offer no parameter error.
   */
  paramErrors?: Partial<Record<HarnessOperation, string>>;
  read: StateReaders<S>;
  /** Loads a world; default `simulator.seed(world)`. */
  seed?(simulator: S, world: World): void;
  /** Credentials the provider holds, which must appear in no answer or error. */
  secrets?(simulator: S): readonly string[];
  /** Removes a customer at the vendor, as the vendor does. */
  deleteCustomer?(simulator: S, customerId: string): void;
  /** For adapters that claim `webhooks`. */
  webhooks?: WebhookDeclaration<S>;
  /** The provider the secret-lifetime scenario builds (no simulator: it sends nothing). */
  secretLifetime?: SecretLifetime;
}

/** Where the suite's webhook endpoint lives; deliveries reach it in process, never a network. */
const WEBHOOK_URL = "https://webhooks.conformance.test/endpoint";

function createClock(): HarnessClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance(seconds) {
      offsetMs += seconds * 1000;
    },
  };
}

function receive(declaration: WebhookDeclaration<never>, simulator: never, clock: HarnessClock): HarnessWebhooks {
  let received: ReceivedWebhook[] = [];
  declaration.attach(simulator, {
    url: WEBHOOK_URL,
    fetch: async (request) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      received.push({ body: await request.text(), headers });
      return new Response(null, { status: 200 });
    },
  });
  const outbox = declaration.outbox(simulator);
  return {
    async take() {
      await outbox.settled();
      const taken = received;
      received = [];
      return taken;
    },
    inject: (fault) => outbox.inject(fault),
    advanceClock: (seconds) => clock.advance(seconds),
  };
}

function asPattern(path: string | RegExp): string {
  return typeof path === "string" ? `^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$` : path.source;
}

/**
 * A conformance harness from a declaration: the suite owns the transport, the mapping of
 * operations to vendor calls for faults and parameter errors, the request log and closing.
 */
export function defineHarness<S extends Simulator & { seed?(world: World): void }>(
  declaration: HarnessDeclaration<S>,
  options: HarnessTransportOptions = {},
): ConformanceHarness {
  const transport = options.transport ?? "msw";
  const callsOf = (operation: HarnessOperation): readonly VendorCall[] => {
    const calls = declaration.calls[operation];
    if (calls.length === 0) throw new Error(`${declaration.name} makes no request for ${operation}`);
    return calls;
  };
  return {
    name: transport === "msw" ? declaration.name : `${declaration.name} (loopback)`,
    manifest: declaration.manifest,
    ...(declaration.secretLifetime ? { secretLifetime: declaration.secretLifetime } : {}),
    async setup(setup): Promise<HarnessContext> {
      const clock = createClock();
      const simulator = declaration.simulator(clock);
      const webhooks = declaration.webhooks
        ? receive(declaration.webhooks as WebhookDeclaration<never>, simulator as never, clock)
        : undefined;
      let server: LoopbackServer | undefined;
      let unmount: (() => void) | undefined;
      if (transport === "loopback") server = await simulator.listen();
      else unmount = mountOnMsw(declaration.origin(simulator), (request) => simulator.handle(request));
      const provider = declaration.provider({ simulator, setup, baseUrl: server?.url });
      const { read } = declaration;
      const context: HarnessContext = {
        provider,
        async seed(world) {
          if (declaration.seed) declaration.seed(simulator, world);
          else if (simulator.seed) simulator.seed(world);
          else throw new Error(`${declaration.name}: the simulator has no seed`);
        },
        readSubscription: async (id) => read.subscription(simulator, id),
        readAddress: async (query) => read.address(simulator, query),
        ...(read.session ? { readSession: async (id: string) => read.session?.(simulator, id) } : {}),
        ...(read.cancelReason ? { readCancelReason: async (id: string) => read.cancelReason?.(simulator, id) } : {}),
        ...(read.paymentMethod
          ? { readPaymentMethod: async (customerId: string) => read.paymentMethod?.(simulator, customerId) }
          : {}),
        ...(declaration.deleteCustomer
          ? { deleteCustomer: async (customerId: string) => declaration.deleteCustomer?.(simulator, customerId) }
          : {}),
        ...(read.portalSession ? { readPortalSession: async (id: string) => read.portalSession?.(simulator, id) } : {}),
        get requests() {
          return simulator.requests;
        },
        clearRequests: () => simulator.clearRequests(),
        inject({ operation, ...rule }) {
          if (operation === undefined) {
            simulator.inject(rule);
            return;
          }
          // One rule per call, each with the rule's own counts.
          for (const call of callsOf(operation)) simulator.inject({ ...rule, ...call } satisfies FaultRule);
        },
        ...(declaration.paramErrors
          ? {
              injectParamError(operation: HarnessOperation) {
                const param = declaration.paramErrors?.[operation];
                if (param === undefined) throw new Error(`${declaration.name} has no parameter error for ${operation}`);
                const calls = callsOf(operation);
                // One refusal, taken by whichever of the operation's requests comes first.
                const only = calls.length === 1 ? calls[0] : undefined;
                simulator.injectParamError({
                  param,
                  method: only ? only.method : [...new Set(calls.map((call) => call.method))],
                  path: only ? only.path : new RegExp(calls.map((call) => `(?:${asPattern(call.path)})`).join("|")),
                });
                return { field: vendorParamToField(param) };
              },
            }
          : {}),
        secrets: declaration.secrets?.(simulator) ?? [],
        ...(webhooks ? { webhooks } : {}),
        async close() {
          unmount?.();
          await server?.close();
        },
      };
      return context;
    },
  };
}
