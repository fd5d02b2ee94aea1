import { mountOnMsw } from "@portalkit/conformance";
import { worldSubscription } from "@portalkit/core/testing";
import { createStripeSimulator, STRIPE_API_ORIGIN } from "@portalkit/stripe/testing";
import { onTestFinished } from "vitest";
import { type BillflowProviderOptions, createBillflowProvider } from "../src";

export const BILLFLOW_SECRET = "bf_secret_known_vector";

export const WORLD = {
  customers: [
    { id: "cus_alice", email: "alice@example.com", firstName: "Alice", lastName: "Ames" },
    { id: "cus_bob", email: "bob@example.com" },
  ],
  subscriptions: [
    worldSubscription({ id: "sub_alice", customerId: "cus_alice" }),
    worldSubscription({ id: "sub_bob", customerId: "cus_bob" }),
  ],
  invoices: [
    {
      id: "in_alice_1",
      customerId: "cus_alice",
      subscriptionId: "sub_alice",
      number: "A-1",
      status: "paid" as const,
      total: 1500,
      amountPaid: 1500,
      amountDue: 0,
      currency: "usd",
      issuedAt: "2026-11-01T00:00:00Z",
    },
  ],
};

export function openBillflow(options: Partial<BillflowProviderOptions> = {}) {
  const sim = createStripeSimulator();
  sim.seed(structuredClone(WORLD));
  onTestFinished(mountOnMsw(STRIPE_API_ORIGIN, (request) => sim.handle(request)));
  const provider = createBillflowProvider({
    stripe: { secretKey: sim.secretKey, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 20 } },
    billflowSecret: BILLFLOW_SECRET,
    billingPageId: "bp_123",
    ...options,
  });
  return { sim, provider };
}
