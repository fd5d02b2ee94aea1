import { mountOnMsw } from "@portalkit/conformance";
import { emptyWorld, type World } from "@portalkit/core/testing";
import { onTestFinished } from "vitest";
import { type ChargebeeProviderOptions, createChargebeeProvider } from "../src/index";
import {
  type ChargebeeSimulator,
  type ChargebeeSimulatorOptions,
  createChargebeeSimulator,
} from "../src/testing/index";

let count = 0;

export interface Rig {
  sim: ChargebeeSimulator;
  provider: ReturnType<typeof createChargebeeProvider>;
  site: string;
  apiKey: string;
}

/** A seeded simulator on MSW and a provider on it with fast retries; torn down after the test. */
export function rig(
  world: World = emptyWorld(),
  options: Partial<ChargebeeProviderOptions> = {},
  simulator: Omit<ChargebeeSimulatorOptions, "site" | "apiKey"> = {},
): Rig {
  const site = `cb-test-${++count}`;
  const apiKey = `test_key_${crypto.randomUUID().replace(/-/g, "")}`;
  const sim = createChargebeeSimulator({ ...simulator, site, apiKey });
  sim.seed(world);
  const unmount = mountOnMsw(`https://${site}.chargebee.com`, (request) => sim.handle(request));
  onTestFinished(unmount);
  const provider = createChargebeeProvider({
    site,
    apiKey,
    retry: { maxAttempts: 3, maxDelayMs: 200, baseDelayMs: 1 },
    timeoutMs: 500,
    ...options,
  });
  return { sim, provider, site, apiKey };
}

const DAY = 86_400_000;

/** Alice (two subscriptions, a few invoices) and Bob (one subscription, one invoice). */
export function smallWorld(now = Date.now()): World {
  const iso = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
  const sub = (id: string, customerId: string, status: "active" | "cancel_scheduled" | "canceled" | "trialing") => ({
    id,
    customerId,
    status,
    priceId: "basic-USD-monthly",
    quantity: 2,
    unitAmount: 1500,
    currency: "usd",
    createdAt: iso(now - 60 * DAY),
    currentPeriodStart: iso(now - 10 * DAY),
    currentPeriodEnd: iso(now + 20 * DAY),
    ...(status === "cancel_scheduled" ? { cancelAt: iso(now + 20 * DAY) } : {}),
    ...(status === "canceled" ? { canceledAt: iso(now - DAY) } : {}),
  });
  const invoice = (
    id: string,
    customerId: string,
    status: "paid" | "open" | "void" | "uncollectible" | "pending",
    daysAgo: number,
  ) => ({
    id,
    customerId,
    subscriptionId: customerId === "alice" ? "sub_alice" : "sub_bob",
    number: id,
    status,
    total: 3000,
    amountPaid: status === "paid" ? 3000 : 0,
    amountDue: status === "paid" || status === "void" ? 0 : 3000,
    currency: "usd",
    issuedAt: iso(now - daysAgo * DAY),
    dueAt: iso(now - daysAgo * DAY + 14 * DAY),
    ...(status === "paid" ? { paidAt: iso(now - daysAgo * DAY + 3600_000) } : {}),
  });
  return {
    customers: [
      {
        id: "alice",
        email: "alice@example.com",
        firstName: "Alice",
        billingAddress: { firstName: "Alice", line1: "1 Main St", city: "Springfield", country: "US" },
        hasPaymentMethod: true,
      },
      { id: "bob", email: "bob@example.com" },
    ],
    subscriptions: [
      sub("sub_alice", "alice", "active"),
      sub("sub_alice_ending", "alice", "cancel_scheduled"),
      sub("sub_alice_gone", "alice", "canceled"),
      sub("sub_bob", "bob", "active"),
    ],
    invoices: [
      invoice("inv_a1", "alice", "paid", 1),
      invoice("inv_a2", "alice", "open", 2),
      invoice("inv_a3", "alice", "void", 3),
      invoice("inv_a4", "alice", "uncollectible", 4),
      invoice("inv_a5", "alice", "pending", 5),
      invoice("inv_b1", "bob", "paid", 1),
    ],
  };
}
