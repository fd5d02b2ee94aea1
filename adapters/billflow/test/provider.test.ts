import { PortalError } from "@portalkit/core";
import { createStripeProvider } from "@portalkit/stripe";
import { describe, expect, it } from "vitest";
import { BILLFLOW_CAPABILITIES, BillflowEmbedLaunchSchema, createBillflowProvider } from "../src";
import { openBillflow } from "./support";

describe("createBillflowProvider", () => {
  it("subscription_details opens the page scoped to the named subscription", async () => {
    const { provider } = openBillflow();
    const launch = await provider.openSection({
      customerId: "cus_alice",
      section: "subscription_details",
      subscriptionId: "sub_alice",
    });
    expect(launch).toMatchObject({
      kind: "billflow-embed",
      section: "subscription_details",
      settings: { customer_id: "cus_alice", subscription_id: "sub_alice" },
    });
    expect(launch.fallback).toBeUndefined();
    expect(BillflowEmbedLaunchSchema.parse(launch)).toEqual(launch);
  });

  it("its launch schema refuses settings without a hash", () => {
    expect(
      BillflowEmbedLaunchSchema.safeParse({
        kind: "billflow-embed",
        provider: "billflow",
        settings: { billing_page_id: "x" },
      }).success,
    ).toBe(false);
  });

  it("other sections open the whole page only with fallback: portal, still scoped to a named subscription", async () => {
    const { sim, provider } = openBillflow();
    expect(BILLFLOW_CAPABILITIES.sections).toEqual(["subscription_details"]);
    await expect(
      provider.openSection({ customerId: "cus_alice", section: "cancel_subscription", subscriptionId: "sub_alice" }),
    ).rejects.toMatchObject({ code: "unsupported" });
    expect(sim.requests).toEqual([]);
    const launch = await provider.openSection({
      customerId: "cus_alice",
      section: "cancel_subscription",
      subscriptionId: "sub_alice",
      fallback: "portal",
    });
    expect(launch).toMatchObject({ fallback: true, settings: { subscription_id: "sub_alice" } });
  });

  it("refuses to scope the page to another customer's subscription", async () => {
    const { provider } = openBillflow();
    await expect(
      provider.openSection({ customerId: "cus_alice", section: "subscription_details", subscriptionId: "sub_bob" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("signs nothing for a customer Stripe does not know", async () => {
    const { provider } = openBillflow();
    await expect(provider.openPortal({ customerId: "cus_nobody" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("its data operations are the Stripe adapter's, under the billflow name", async () => {
    const { sim, provider } = openBillflow();
    const stripe = createStripeProvider({ secretKey: sim.secretKey, returnUrl: "https://app.example.com" });
    const [ours, theirs] = await Promise.all([
      provider.listInvoices({ customerId: "cus_alice" }),
      stripe.listInvoices({ customerId: "cus_alice" }),
    ]);
    expect(ours.data.map((invoice) => ({ ...invoice, provider: "stripe" }))).toEqual(theirs.data);
    expect(ours.data[0]?.provider).toBe("billflow");
    const canceled = await provider.cancel({ customerId: "cus_alice", subscriptionId: "sub_alice", when: "now" });
    expect(canceled).toMatchObject({ provider: "billflow", status: "canceled" });
    expect(sim.subscription("sub_alice")?.status).toBe("canceled");
  });

  it.each([
    ["billflowSecret", { billflowSecret: "" }],
    ["billingPageId", { billingPageId: " " }],
    ["stripe.secretKey", { stripe: { secretKey: "" } }],
  ])("refuses a bad %s with invalid_input", (field, override) => {
    let caught: unknown;
    try {
      createBillflowProvider({
        stripe: { secretKey: "sk_test_x" },
        billflowSecret: "bf_secret",
        billingPageId: "bp_1",
        ...override,
      });
    } catch (error) {
      caught = error;
    }
    expect(PortalError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: "invalid_input", field });
  });
});
