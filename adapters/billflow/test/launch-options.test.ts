import { PortalError } from "@portalkit/core";
import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { BillflowEmbedLaunchSchema, billflowHash } from "../src";
import { BILLFLOW_SECRET, openBillflow } from "./support";

describe("Billflow service and quantity", () => {
  it("the provider's service and quantity go into every signed launch and session", async () => {
    const { provider } = openBillflow({ service: "team-plans", quantity: { super_user: 3, user: 5 } });
    const launch = await provider.openPortal({ customerId: "cus_alice" });
    expect(BillflowEmbedLaunchSchema.parse(launch)).toEqual(launch);
    expect(launch.settings).toEqual({
      billing_page_id: "bp_123",
      customer_id: "cus_alice",
      hash: billflowHash(BILLFLOW_SECRET, "cus_alice"),
      service: "team-plans",
      options: { quantity: { super_user: 3, user: 5 } },
    });
    const section = await provider.openSection({
      customerId: "cus_alice",
      section: "subscription_details",
      subscriptionId: "sub_alice",
    });
    expect(section.settings).toMatchObject({
      service: "team-plans",
      options: { quantity: { super_user: 3, user: 5 } },
    });
    const session = await provider.createSession({ customerId: "cus_alice" });
    expect(session.raw).toMatchObject({ service: "team-plans", options: { quantity: { super_user: 3, user: 5 } } });
  });

  it("a call's vendorOptions.billflow replaces the provider's, on openPortal, openSection and a fallback", async () => {
    const { provider } = openBillflow({ service: "team-plans", quantity: 2 });
    const portal = await provider.openPortal({
      customerId: "cus_alice",
      vendorOptions: { billflow: { quantity: { seat: 7 } } },
    });
    expect(portal.settings).toMatchObject({ service: "team-plans", options: { quantity: { seat: 7 } } });
    const section = await provider.openSection({
      customerId: "cus_alice",
      section: "subscription_details",
      vendorOptions: { billflow: { service: "enterprise", quantity: 12 } },
    });
    expect(section.settings).toMatchObject({ service: "enterprise", options: { quantity: 12 } });
    const fallback = await provider.openSection({
      customerId: "cus_alice",
      section: "billing_history",
      fallback: "portal",
      vendorOptions: { billflow: { quantity: 4 } },
    });
    expect(fallback).toMatchObject({ fallback: true, settings: { options: { quantity: 4 } } });
  });

  it("without them, the settings carry neither", async () => {
    const { provider } = openBillflow();
    const launch = await provider.openPortal({ customerId: "cus_alice" });
    expect(launch.settings.service).toBeUndefined();
    expect(launch.settings.options).toBeUndefined();
  });

  it("leaves other adapters' entries of vendorOptions to them", async () => {
    const { provider } = openBillflow();
    const launch = await provider.openPortal({
      customerId: "cus_alice",
      vendorOptions: { chargebee: { anything: true }, billflow: { quantity: 1 } },
    });
    expect(launch.settings.options).toEqual({ quantity: 1 });
    expect(JSON.stringify(launch)).not.toContain("anything");
  });

  it.each([
    [{ quantity: 0 }, "vendorOptions.billflow.quantity"],
    [{ quantity: 1.5 }, "vendorOptions.billflow.quantity"],
    [{ quantity: { user: -1 } }, "vendorOptions.billflow.quantity.user"],
    [{ quantity: {} }, "vendorOptions.billflow.quantity"],
    [{ quantity: "3" }, "vendorOptions.billflow.quantity"],
    [{ service: "" }, "vendorOptions.billflow.service"],
    [{ seats: 3 }, "vendorOptions.billflow.seats"],
  ])("refuses %j as invalid_input naming %s, and sends nothing", async (entry, field) => {
    const { provider, sim } = openBillflow();
    const error = await portalRejection(
      provider.openPortal({ customerId: "cus_alice", vendorOptions: { billflow: entry } }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field, retryable: false });
    expect(error.message).toContain(field);
    expect(sim.requests).toEqual([]);
  });

  it.each([
    ["quantity", { quantity: { "super user": 3 } }],
    ["quantity", { quantity: -2 }],
    ["service", { service: " " }],
  ])("refuses a bad provider option %s", (field, override) => {
    let caught: unknown;
    try {
      openBillflow(override as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: "invalid_input" });
    expect(PortalError.isInstance(caught) && caught.field?.startsWith(field)).toBe(true);
  });
});
