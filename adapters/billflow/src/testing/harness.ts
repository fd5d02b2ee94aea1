import type { ConformanceHarness } from "@portalkit/conformance";
import { redactSecrets } from "@portalkit/core";
import { createStripeBackedHarness, type StripeHarnessOptions } from "@portalkit/stripe/testing";
import { createBillflowProvider } from "../provider";

export type BillflowHarnessOptions = StripeHarnessOptions;

/** The Billflow secret the harness signs with (a test value: it guards nothing). */
export const BILLFLOW_TEST_SECRET = "bf_secret_conformance_0f3c9a7d51e2";

// Shaped like no credential, so that only their registration redacts them.
const OWNED_STRIPE_KEY = "billflow-stripe-owned-key-R4t5Y6u7";
const OWNED_BILLFLOW_SECRET = "billflow-owned-secret-P8o9I0u1";

/** The conformance harness for `@portalkit/billflow`: its data lives on the Stripe simulator. */
export function createBillflowHarness(options: BillflowHarnessOptions = {}): ConformanceHarness {
  return createStripeBackedHarness({
    ...options,
    name: "billflow",
    calls: {
      // Launches and sessions read the customer from Stripe before signing.
      createSession: [{ method: "GET", path: /^\/v1\/customers\/[^/]+$/ }],
      paymentMethodLaunch: [],
    },
    secrets: [BILLFLOW_TEST_SECRET],
    // The session is the signed embed settings: no record at the vendor to read back.
    portalSessions: false,
    secretLifetime: {
      redact: redactSecrets,
      secrets: [OWNED_STRIPE_KEY, OWNED_BILLFLOW_SECRET],
      build: () =>
        createBillflowProvider({
          stripe: { secretKey: OWNED_STRIPE_KEY },
          billflowSecret: OWNED_BILLFLOW_SECRET,
          billingPageId: "bp_1",
        }),
      keep: "openPortal",
    },
    build: (connection) =>
      createBillflowProvider({
        stripe: {
          secretKey: connection.secretKey,
          retry: connection.retry,
          timeoutMs: connection.timeoutMs,
          webhookSecret: connection.webhookSecret,
          ...(connection.apiBase !== undefined ? { apiBase: connection.apiBase } : {}),
        },
        billflowSecret: BILLFLOW_TEST_SECRET,
        billingPageId: "bp_conformance",
      }),
  });
}

/** The harness the Billflow adapter's own test runs (over MSW). */
export const billflowHarness: ConformanceHarness = createBillflowHarness();
