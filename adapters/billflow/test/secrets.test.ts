import { inspect } from "node:util";
import { mountOnMsw } from "@portalkit/conformance";
import { PortalError, type PortalProvider } from "@portalkit/core";
import { createStripeProvider } from "@portalkit/stripe";
import { createStripeSimulator, STRIPE_API_ORIGIN } from "@portalkit/stripe/testing";
import { expect, it, onTestFinished } from "vitest";
import { createBillflowProvider } from "../src";
import { WORLD } from "./support";

// Distinctive values, so that a leak anywhere is found by a plain substring search.
const STRIPE_KEY = "sk_test_51SecretCheckKeyZq8Xy7Wv6Ut5";
const BILLFLOW_SECRET = "bf-secret-check-Hk2Lm3Nn4Pp5";

function everyForm(value: unknown): string {
  const parts = [String(value), inspect(value, { depth: 10, showHidden: true })];
  try {
    parts.push(JSON.stringify(value) ?? "");
  } catch {
    parts.push("unserializable");
  }
  if (PortalError.isInstance(value)) {
    parts.push(value.stack ?? "", JSON.stringify(value.toJSON()), String(value.cause), value.cause?.stack ?? "");
  }
  return parts.join("\n");
}

it("no launch, session, answer, error or simulator log holds the Stripe key or the Billflow secret", async () => {
  const sim = createStripeSimulator({ secretKey: STRIPE_KEY });
  sim.seed(structuredClone(WORLD));
  onTestFinished(mountOnMsw(STRIPE_API_ORIGIN, (request) => sim.handle(request)));
  const retry = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 20 };
  const stripe = createStripeProvider({ secretKey: STRIPE_KEY, returnUrl: "https://app.example.com", retry });
  const billflow = createBillflowProvider({
    stripe: { secretKey: STRIPE_KEY, retry },
    billflowSecret: BILLFLOW_SECRET,
    billingPageId: "bp_1",
  });
  const wrongKey = createStripeProvider({ secretKey: `${STRIPE_KEY}x`, returnUrl: "https://app.example.com" });

  const outcomes: unknown[] = [];
  const run = async (call: () => Promise<unknown>) => {
    try {
      outcomes.push(await call());
    } catch (error) {
      outcomes.push(error);
    }
  };
  for (const provider of [stripe, billflow, wrongKey] as PortalProvider[]) {
    await run(() => provider.createSession({ customerId: "cus_alice" }));
    await run(() => provider.openPortal({ customerId: "cus_alice" }));
    await run(() =>
      provider.openSection({ customerId: "cus_alice", section: "subscription_details", subscriptionId: "sub_alice" }),
    );
    await run(() => provider.openSection({ customerId: "cus_alice", section: "billing_history", fallback: "portal" }));
    await run(() => provider.openSection({ customerId: "cus_alice", section: "billing_history" }));
    await run(() => provider.openPortal({ customerId: "cus_nobody" }));
    await run(() => provider.listInvoices({ customerId: "cus_alice" }));
    await run(() => provider.invoicePdf!({ customerId: "cus_alice", invoiceId: "in_alice_1" }));
    await run(() => provider.getSubscription!({ customerId: "cus_alice", subscriptionId: "sub_bob" }));
    await run(() => provider.listInvoices({ customerId: "", limit: 0 }));
    sim.inject({ fault: { type: "html", status: 502 }, times: 2 });
    await run(() => provider.listInvoices({ customerId: "cus_alice" }));
    sim.inject({ fault: { type: "status", status: 401 } });
    await run(() => provider.cancel({ customerId: "cus_alice", subscriptionId: "sub_alice", when: "period_end" }));
  }
  for (const secretlessFactory of [
    () => createStripeProvider({ secretKey: STRIPE_KEY, returnUrl: "nope" }),
    () =>
      createBillflowProvider({ stripe: { secretKey: STRIPE_KEY }, billflowSecret: BILLFLOW_SECRET, billingPageId: "" }),
  ]) {
    try {
      secretlessFactory();
    } catch (error) {
      outcomes.push(error);
    }
  }

  expect(outcomes.filter((outcome) => PortalError.isInstance(outcome)).length).toBeGreaterThan(10);
  expect(outcomes.some((outcome) => JSON.stringify(outcome).includes("billflow-embed"))).toBe(true);
  const everything = [...outcomes.map(everyForm), everyForm(sim.requests)].join("\n");
  expect(everything.includes(STRIPE_KEY)).toBe(false);
  expect(everything.includes(BILLFLOW_SECRET)).toBe(false);
  // The hash is derived from the secret, never the secret itself.
  expect(everything).toMatch(/"hash":"[0-9a-f]{64}"/);
});
