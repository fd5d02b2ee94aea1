import { mountOnMsw } from "@portalkit/conformance";
import { type World, worldSubscription } from "@portalkit/core/testing";
import { onTestFinished } from "vitest";
import { createStripeProvider, type StripeProviderOptions } from "../src";
import { createStripeSimulator, STRIPE_API_ORIGIN, type StripeSimulator } from "../src/testing";

export const RETURN_URL = "https://app.example.com/account";
export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 50 };

export const WORLD: World = {
  customers: [
    { id: "cus_ann", email: "ann@example.com", firstName: "Ann", lastName: "Lee", hasPaymentMethod: true },
    { id: "cus_ben", email: "ben@example.com" },
  ],
  subscriptions: [
    worldSubscription({ id: "sub_ann", customerId: "cus_ann", quantity: 2 }),
    worldSubscription({
      id: "sub_ann_old",
      customerId: "cus_ann",
      status: "canceled",
      createdAt: "2025-01-01T00:00:00Z",
      currentPeriodStart: "2025-05-01T00:00:00Z",
      currentPeriodEnd: "2025-06-01T00:00:00Z",
      canceledAt: "2025-06-01T00:00:00Z",
    }),
    worldSubscription({ id: "sub_ben", customerId: "cus_ben" }),
  ],
  invoices: [
    {
      id: "in_ann_paid",
      customerId: "cus_ann",
      subscriptionId: "sub_ann",
      number: "ANN-0002",
      status: "paid",
      total: 3000,
      amountPaid: 3000,
      amountDue: 0,
      currency: "usd",
      issuedAt: "2026-11-01T00:00:00Z",
      paidAt: "2026-11-01T01:00:00Z",
    },
    {
      id: "in_ann_draft",
      customerId: "cus_ann",
      subscriptionId: "sub_ann",
      number: "ANN-0003",
      status: "draft",
      total: 3000,
      amountPaid: 0,
      amountDue: 3000,
      currency: "usd",
      issuedAt: "2026-11-15T00:00:00Z",
    },
    {
      id: "in_ann_open",
      customerId: "cus_ann",
      number: "ANN-0001",
      status: "open",
      total: 990,
      amountPaid: 0,
      amountDue: 990,
      currency: "eur",
      issuedAt: "2026-10-01T00:00:00Z",
      dueAt: "2026-10-15T00:00:00Z",
    },
    {
      id: "in_ben",
      customerId: "cus_ben",
      subscriptionId: "sub_ben",
      number: "BEN-0001",
      status: "paid",
      total: 1500,
      amountPaid: 1500,
      amountDue: 0,
      currency: "usd",
      issuedAt: "2026-11-02T00:00:00Z",
    },
  ],
};

/** A seeded simulator at Stripe's origin (through MSW) and a provider against it. */
export function openStripe(options: Partial<StripeProviderOptions> = {}, world: World = WORLD) {
  const sim: StripeSimulator = createStripeSimulator();
  sim.seed(structuredClone(world));
  onTestFinished(mountOnMsw(STRIPE_API_ORIGIN, (request) => sim.handle(request)));
  const provider = createStripeProvider({
    secretKey: sim.secretKey,
    returnUrl: RETURN_URL,
    retry: FAST_RETRY,
    timeoutMs: 2_000,
    ...options,
  });
  return { sim, provider };
}
