import {
  type Address,
  type InvoiceStatus,
  OPERATION_NAMES,
  type OperationName,
  type PaymentMethodSummary,
  type PortalProvider,
  type RetryOptions,
  type SubscriptionStatus,
} from "@portalkit/core";
import type { FaultRule, RecordedRequest, WebhookFault, World } from "@portalkit/core/testing";

/** What the suite asks of every provider it builds. */
export interface HarnessSetupOptions {
  /** Retry bounds; the suite passes small delays so that fault scenarios stay fast. */
  retry: Required<RetryOptions>;
  /** Per-request timeout the adapter must apply. */
  timeoutMs: number;
}

/**
 * The launches a fault is not aimed at: each makes the vendor call `createSession` makes
 * (a portal session, or a read of the customer for a signed embed), which is where the
 * suite aims it.
 */
const LAUNCHES_LIKE_CREATE_SESSION = ["openPortal", "openSection"] as const;

export type HarnessOperation = Exclude<OperationName, (typeof LAUNCHES_LIKE_CREATE_SESSION)[number]>;

/**
 * Provider-neutral names of the vendor calls a fault can target: each names the call that
 * carries the operation out (for `cancel`, the cancelling request). A read an adapter makes
 * first to check ownership is `getSubscription`'s call, not `cancel`'s. Read from core's
 * operations registry, so an operation added there is one here too.
 */
export const HARNESS_OPERATIONS: readonly HarnessOperation[] = OPERATION_NAMES.filter(
  (name): name is HarnessOperation => !(LAUNCHES_LIKE_CREATE_SESSION as readonly string[]).includes(name),
);

/** A fault rule aimed at an operation rather than a vendor path. */
export type HarnessFaultRule = Omit<FaultRule, "path" | "method"> & {
  /** Which vendor calls the fault applies to; omitted: any request. */
  operation?: HarnessOperation;
};

/** The simulator's own record of a subscription, normalized to portalkit statuses. */
export interface SimSubscriptionState {
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  cancelAt?: string;
  canceledAt?: string;
}

/** The simulator's own record of a portal session. */
export interface PortalSessionState {
  /** Where the vendor's portal sends the customer back to; undefined when it holds none. */
  returnUrl?: string;
}

/** A webhook as the suite's endpoint received it from the simulator. */
export interface ReceivedWebhook {
  body: string;
  /** Lower-case names. */
  headers: Record<string, string>;
}

/** The simulator's webhook delivery, pointed at an endpoint of the suite's own. */
export interface HarnessWebhooks {
  /** Waits for every delivery under way, then hands over those received since the last call, in arrival order. */
  take(): Promise<ReceivedWebhook[]>;
  /** A fault for the next delivery: a duplicate, a reordering, a delay, a bad signature, a stale timestamp. */
  inject(fault: WebhookFault): void;
  /** Moves the simulator's clock forward, so that the next change happens later. */
  advanceClock(seconds: number): void;
}

export interface HarnessContext {
  provider: PortalProvider;
  /** Loads the world into the simulator (in the vendor's wire format). */
  seed(world: World): Promise<void>;
  /** Two-sided checks read the simulator directly, never through the adapter. */
  readSubscription(id: string): Promise<SimSubscriptionState | undefined>;
  readAddress(query: {
    customerId: string;
    kind: "billing" | "shipping";
    subscriptionId?: string;
  }): Promise<Address | undefined>;
  /** For adapters that claim `logout`. */
  readSession?(id: string): Promise<{ status: "active" | "logged_out" } | undefined>;
  /**
   * For adapters that send a cancellation reason (`capabilities.cancelReason` other than
   * `none`): the reason the vendor stored on the subscription (Stripe's
   * `cancellation_details.comment`, Chargebee's `cancel_reason_code`).
   */
  readCancelReason?(subscriptionId: string): Promise<string | undefined>;
  /**
   * For adapters that claim `getCustomer`: the customer's default payment method as the
   * simulator holds it (its card), summarized by the harness's own code.
   */
  readPaymentMethod?(customerId: string): Promise<PaymentMethodSummary | undefined>;
  /**
   * For adapters that claim `getCustomer`: removes the customer at the vendor the way the
   * vendor does (Stripe answers a deleted customer as `{ deleted: true }`).
   */
  deleteCustomer?(customerId: string): Promise<void>;
  /**
   * Optional: the vendor's record of the portal session `createSession` answered with `id`
   * (its return URL as the vendor stored it). Without it the return-URL scenario is skipped,
   * as for a vendor whose sessions live only in a signed embed.
   */
  readPortalSession?(id: string): Promise<PortalSessionState | undefined>;
  /** Every request the simulator received, in order. */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;
  inject(rule: HarnessFaultRule): void;
  /**
   * Optional: makes the vendor refuse the next request of `operation` as it refuses a bad
   * parameter (HTTP 400 naming the parameter in the vendor's own form, such as
   * Chargebee's `billing_address[line1]` or Stripe's `param`), and returns the dotted
   * `field` the adapter must report. Without it the parameter-error scenario is skipped.
   */
  injectParamError?(operation: HarnessOperation): { field: string };
  /**
   * Optional: the credentials the provider was built with (API keys, signing secrets).
   * None may appear in any answer or error. Shapes such as `sk_test_...` are always checked.
   */
  readonly secrets?: readonly string[];
  /** For adapters that claim `webhooks`: the webhooks the simulator delivered. */
  readonly webhooks?: HarnessWebhooks;
  close(): Promise<void>;
}

/** What the vendor can represent, which decides what the suite seeds and expects. */
export interface HarnessManifest {
  /** Invoice statuses the vendor can represent; world invoices in other statuses are not seeded. */
  invoiceStatuses: readonly InvoiceStatus[];
  /** Whether the vendor's portal sessions carry an expiry time. */
  sessionExpiry: boolean;
  /**
   * Where the vendor keeps an invoice's number: `"number"` (default), a field of its own
   * (Stripe); `"id"`, the id is the number (Chargebee), so a seeded invoice's number is its id.
   */
  invoiceNumber?: "number" | "id";
  /**
   * The most invoices the vendor lists in one page (default 100, `MAX_PAGE_SIZE`): a walk of
   * N invoices takes ceil(N / pageSize) requests, and `limit` above it gives pages this large.
   */
  pageSize?: number;
  /**
   * Whether the vendor takes an idempotency key on mutations (default true). A vendor that
   * takes none (Paddle) makes a retried mutation safe by reading the state first: the suite
   * then checks that the vendor acted once, not that one key was sent.
   */
  idempotencyKeys?: boolean;
  /**
   * A cancellation reason the provider the harness builds sends: required when it keeps
   * reasons as vendor codes (`cancelReason: "code"`), one of the codes it was built with.
   * Default for free-text comments: "too expensive".
   */
  cancelReason?: string;
  /** Whether the vendor's webhooks are signed with a timestamp (a stale one must be refused). */
  webhookTimestamps?: boolean;
  /**
   * Whether the vendor's events tell a removed scheduled cancellation from any other change
   * (default true). Paddle sends a subscription's state and never its former one: its
   * `subscription.updated` is then expected as `subscription.updated`, with the live status.
   */
  reactivationEvents?: boolean;
}

/**
 * How the suite checks that a provider's secrets are redacted exactly as long as the
 * provider lives: `build` makes one from `secrets` (values shaped like no credential, so
 * that only their registration redacts them), keeping no reference to its options object.
 */
export interface SecretLifetime {
  secrets: readonly string[];
  build(): PortalProvider;
  /** The method kept alone once the provider is dropped; default `listInvoices`. */
  keep?: OperationName;
  /**
   * `redactSecrets` of the copy of `@portalkit/core` the provider uses (each copy keeps its
   * own registrations): pass the harness's own import. Default the suite's copy.
   */
  redact?: (text: string) => string;
}

export interface ConformanceHarness {
  /** Shown in the suite's describe block, e.g. "chargebee". */
  name: string;
  manifest: HarnessManifest;
  /** Without it the secret-lifetime scenario is skipped. */
  secretLifetime?: SecretLifetime;
  /** A fresh simulator and a provider built against it. */
  setup(options: HarnessSetupOptions): Promise<HarnessContext>;
}
