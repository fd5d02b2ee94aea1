import type { PortalProvider } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { compareCustomers, formatComparison } from "../src/index";
import { CUSTOMERS, memoryMigration, migratedWorld } from "./support";

describe("compareCustomers", () => {
  it("finds nothing when every invoice and subscription made it across, walking every page", async () => {
    const { from, to, fromBackend, toBackend } = memoryMigration();
    const results = await compareCustomers({ from, to, customers: CUSTOMERS });
    expect(results.map((r) => [r.from, r.to, r.invoices, r.subscriptions, r.diffs, r.errors])).toEqual([
      ["cb_alice", "cus_A", { from: 3, to: 3 }, 1, [], []],
      ["cb_bob", "cus_B", { from: 120, to: 120 }, 1, [], []],
      ["cb_carol", "cus_C", { from: 0, to: 0 }, 0, [], []],
    ]);
    // Bob's 120 invoices take two pages on each side.
    const listings = (log: typeof fromBackend.requests) => log.filter((r) => r.path === "/v1/invoices").length;
    expect([listings(fromBackend.requests), listings(toBackend.requests)]).toEqual([4, 4]);
    // Whether a customer exists is read with getCustomer: the diff writes nothing at either vendor.
    const writes = (log: typeof fromBackend.requests) => log.filter((r) => r.method !== "GET");
    expect([writes(fromBackend.requests), writes(toBackend.requests)]).toEqual([[], []]);
    const customerReads = fromBackend.requests.filter((r) => r.path.startsWith("/v1/customers/"));
    expect(customerReads.map((r) => r.path).sort()).toEqual(
      ["/v1/customers/cb_alice", "/v1/customers/cb_bob", "/v1/customers/cb_carol"].sort(),
    );
  });

  it("falls back to a portal session as the existence probe for a provider without getCustomer", async () => {
    const { from, to, fromBackend } = memoryMigration();
    const withoutReads: PortalProvider = {
      ...from,
      id: from.id,
      capabilities: { ...from.capabilities, getCustomer: false },
      getCustomer: undefined,
    };
    const results = await compareCustomers({ from: withoutReads, to, customers: CUSTOMERS.slice(0, 1) });
    expect(results[0]?.errors).toEqual([]);
    expect(fromBackend.requests.some((r) => r.method === "POST" && r.path === "/v1/portal_sessions")).toBe(true);
  });

  it("reports a wrong amount, a status, a missing invoice and a subscription that differs", async () => {
    const world = migratedWorld();
    const alices = world.invoices.filter((i) => i.customerId === "cus_A");
    const [first, second] = alices;
    if (!first || !second) throw new Error("fixture");
    first.total = 49;
    second.status = "void";
    world.invoices = world.invoices.filter((i) => i.number !== "IN_CB_BOB_000077");
    const bobSub = world.subscriptions.find((s) => s.id === "sub_B");
    if (!bobSub) throw new Error("fixture");
    bobSub.status = "active";
    const { from, to } = memoryMigration(world);

    const results = await compareCustomers({ from, to, customers: CUSTOMERS });
    const report = formatComparison(results);
    expect(report.split("\n")).toEqual([
      "from customer  to customer  invoices   subscriptions  differences  result",
      "-------------  -----------  ---------  -------------  -----------  -------",
      "cb_alice       cus_A        3 / 3      1              2            DIFFERS",
      "cb_bob         cus_B        120 / 119  1              3            DIFFERS",
      "cb_carol       cus_C        0 / 0      0              0            ok",
      "",
      `cb_alice → cus_A: invoice ${first.number} total: 1000 USD ≠ 49 USD`,
      `cb_alice → cus_A: invoice ${second.number} status: paid ≠ void`,
      "cb_bob → cus_B: invoice IN_CB_BOB_000077 missing on the right",
      "cb_bob → cus_B: subscription cb_sub_bob→sub_B status: cancel_scheduled ≠ active",
      "cb_bob → cus_B: subscription cb_sub_bob→sub_B cancelAt: 2026-11-01T00:00:00.000Z ≠ none",
      "",
      "3 customers compared, 2 with differences",
    ]);
  });

  it("reports invoices found only on the new side", async () => {
    const world = migratedWorld();
    world.invoices.push({ ...(world.invoices[0] as (typeof world.invoices)[0]), id: "in_extra", number: "EXTRA-1" });
    const { from, to } = memoryMigration(world);
    const [alice] = await compareCustomers({ from, to, customers: CUSTOMERS.slice(0, 1) });
    expect(alice?.diffs).toMatchObject([{ kind: "invoice_missing", side: "left", key: "EXTRA-1" }]);
  });

  it("records calls that fail as errors of that customer, and goes on with the others", async () => {
    const { from, to, toBackend } = memoryMigration();
    toBackend.inject({ fault: { type: "status", status: 500 }, method: "GET", path: "/v1/invoices", times: 1 });
    const results = await compareCustomers({ from, to, customers: CUSTOMERS, concurrency: 1 });
    expect(results.map((r) => r.errors.length)).toEqual([1, 0, 0]);
    expect(results[0]?.errors[0]).toMatch(/^to cus_A: unavailable: /);
    expect(results[0]?.diffs).toEqual([]);
    expect(formatComparison(results)).toContain(
      "cb_alice       cus_A        3 / 0      1              0            error",
    );
  });

  it("says a provider cannot read subscriptions instead of calling them missing", async () => {
    const { from, to } = memoryMigration();
    const { getSubscription: _, ...withoutSubscriptions } = to;
    const results = await compareCustomers({
      from,
      to: withoutSubscriptions as PortalProvider,
      customers: CUSTOMERS.slice(0, 1),
    });
    expect(results[0]?.diffs).toEqual([]);
    expect(results[0]?.errors).toEqual(["to: memory cannot read subscriptions"]);
  });

  it("treats a subscription the new side does not know as missing", async () => {
    const world = migratedWorld();
    world.subscriptions = world.subscriptions.filter((s) => s.id !== "sub_A");
    const { from, to } = memoryMigration(world);
    const [alice] = await compareCustomers({ from, to, customers: CUSTOMERS.slice(0, 1) });
    expect(alice?.diffs).toEqual([{ kind: "subscription_missing", side: "right", key: "cb_sub_alice→sub_A" }]);
    expect(alice?.errors).toEqual([]);
  });

  it("reports progress once per customer, whatever the concurrency, and keeps the map's order", async () => {
    const { from, to } = memoryMigration();
    const progress: Array<[number, number]> = [];
    const results = await compareCustomers({
      from,
      to,
      customers: CUSTOMERS,
      concurrency: 3,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(results.map((r) => r.from)).toEqual(["cb_alice", "cb_bob", "cb_carol"]);
  });
});
