import { writeFile } from "node:fs/promises";
import type { PortalError } from "@portalkit/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRoutedPortal } from "../src/routed-portal";
import { type RunningMigration, startMigration } from "./support";

let m: RunningMigration;
beforeEach(async () => {
  m = await startMigration();
  m.chargebee.clearRequests();
  m.stripe.clearRequests();
  m.paddle.clearRequests();
});
afterEach(async () => {
  await m.close();
});

const portal = () => createRoutedPortal({ chargebee: m.cb, stripe: m.st, paddle: m.pd, routingFile: m.routingFile });
const paths = (log: ReadonlyArray<{ method: string; path: string }>) => log.map((r) => `${r.method} ${r.path}`);

describe("the migration router over the Chargebee and Stripe simulators", () => {
  it("sends a customer still on Chargebee to Chargebee, and nothing to Stripe", async () => {
    const router = portal();
    const page = await router.listInvoices({ customerId: "cb_edsger" });
    expect(page.data.map((i) => [i.provider, i.customerId])).toEqual(Array(4).fill(["chargebee", "cb_edsger"]));
    const subscription = await router.getSubscription?.({ customerId: "cb_edsger", subscriptionId: "cb_sub_edsger" });
    expect(subscription?.provider).toBe("chargebee");
    expect(paths(m.chargebee.requests)).toEqual(["GET /api/v2/invoices", "GET /api/v2/subscriptions/cb_sub_edsger"]);
    expect(m.chargebee.requests[0]?.query).toMatchObject({ customer_id: { is: "cb_edsger" } });
    expect(m.stripe.requests).toEqual([]);
  });

  it("sends a migrated customer to Stripe, and nothing to Chargebee", async () => {
    const router = portal();
    const page = await router.listInvoices({ customerId: "cus_migrated_grace" });
    expect(page.data.map((i) => i.provider)).toEqual(Array(6).fill("stripe"));
    const launch = await router.openPortal({ customerId: "cus_migrated_grace" });
    expect(launch).toMatchObject({ kind: "redirect", provider: "stripe" });
    expect(paths(m.stripe.requests)).toEqual(["GET /v1/invoices", "POST /v1/billing_portal/sessions"]);
    expect(m.stripe.requests[0]?.query).toMatchObject({ customer: "cus_migrated_grace" });
    expect(m.chargebee.requests).toEqual([]);
  });

  it("sends a customer billed on Paddle to Paddle, and nothing to the others", async () => {
    const router = portal();
    const page = await router.listInvoices({ customerId: "ctm_hopper" });
    expect(page.data.map((i) => [i.provider, i.customerId, i.total.currency])).toEqual(
      Array(3).fill(["paddle", "ctm_hopper", "EUR"]),
    );
    const launch = await router.openSection({
      customerId: "ctm_hopper",
      section: "cancel_subscription",
      subscriptionId: "sub_hopper",
    });
    expect(launch).toMatchObject({ kind: "redirect", provider: "paddle", section: "cancel_subscription" });
    expect(paths(m.paddle.requests)).toEqual([
      "GET /transactions",
      "GET /subscriptions/sub_hopper",
      "POST /customers/ctm_hopper/portal-sessions",
    ]);
    expect(m.paddle.requests[0]?.query).toMatchObject({ customer_id: "ctm_hopper" });
    expect([...m.chargebee.requests, ...m.stripe.requests]).toEqual([]);
  });

  it("answers not_found for a customer in no row, and neither vendor hears of it", async () => {
    const error = (await portal()
      .listInvoices({ customerId: "cb_ada" })
      .catch((e: unknown) => e)) as PortalError;
    expect([error.code, error.provider]).toEqual(["not_found", "router"]);
    expect([...m.chargebee.requests, ...m.stripe.requests]).toEqual([]);
  });

  it("reads the routing table at each call, so a customer moves without a restart", async () => {
    const router = portal();
    await router.listInvoices({ customerId: "cb_barbara" });
    await writeFile(m.routingFile, "customer_id,provider\ncb_edsger,chargebee\n");
    await expect(router.listInvoices({ customerId: "cb_barbara" })).rejects.toMatchObject({ code: "not_found" });
    expect(paths(m.chargebee.requests)).toEqual(["GET /api/v2/invoices"]);
  });

  it("opens sections by the customer's own vendor's capabilities", async () => {
    const router = portal();
    expect((await router.capabilitiesFor("cb_edsger")).sections).toContain("billing_history");
    expect((await router.capabilitiesFor("cus_migrated_ada")).sections).not.toContain("billing_history");
    const onChargebee = await router.openSection({ customerId: "cb_edsger", section: "billing_history" });
    expect(onChargebee).toMatchObject({ kind: "chargebee-js", provider: "chargebee" });
    expect(onChargebee.fallback).toBeUndefined();
    await expect(
      router.openSection({ customerId: "cus_migrated_ada", section: "billing_history" }),
    ).rejects.toMatchObject({ code: "unsupported", provider: "stripe" });
    // Refused before any request; with the fallback, Stripe opens its whole portal.
    expect(m.stripe.requests).toEqual([]);
    const fallback = await router.openSection({
      customerId: "cus_migrated_ada",
      section: "billing_history",
      fallback: "portal",
    });
    expect(fallback).toMatchObject({ kind: "redirect", provider: "stripe", fallback: true });
    expect(paths(m.chargebee.requests)).toEqual(["POST /api/v2/portal_sessions"]);
    expect(paths(m.stripe.requests)).toEqual(["POST /v1/billing_portal/sessions"]);
  });
});
