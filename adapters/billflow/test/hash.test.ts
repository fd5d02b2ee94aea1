import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { billflowHash } from "../src";
import { BILLFLOW_SECRET, openBillflow } from "./support";

describe("the Billflow hash", () => {
  it("matches a vector computed with openssl", () => {
    // printf %s cus_alice | openssl dgst -sha256 -hmac bf_secret_known_vector
    expect(billflowHash(BILLFLOW_SECRET, "cus_alice")).toBe(
      "d94bde643ffe53833315299091532cbc19129a3945f10d3811390c04f86b66ea",
    );
    // printf %s alice@example.com | openssl dgst -sha256 -hmac bf_secret_known_vector
    expect(billflowHash(BILLFLOW_SECRET, "alice@example.com")).toBe(
      "dfc37638b8d22a3ccd64a31d85228638c33cb0887343008c945489cf151ba66b",
    );
  });

  it("the launch carries the HMAC of the customer id, computed independently here", async () => {
    const { provider } = openBillflow();
    const launch = await provider.openPortal({ customerId: "cus_alice" });
    const expected = createHmac("sha256", BILLFLOW_SECRET).update("cus_alice").digest("hex");
    expect(launch).toEqual({
      kind: "billflow-embed",
      provider: "billflow",
      settings: { billing_page_id: "bp_123", customer_id: "cus_alice", hash: expected },
    });
  });

  it("identifying by email, the launch carries the email and its HMAC", async () => {
    const { provider } = openBillflow({ identifyBy: "email" });
    const launch = await provider.openPortal({ customerId: "cus_alice" });
    const expected = createHmac("sha256", BILLFLOW_SECRET).update("alice@example.com").digest("hex");
    expect(launch).toMatchObject({ settings: { email: "alice@example.com", hash: expected } });
    expect(launch.kind === "billflow-embed" && launch.settings.customer_id).toBeUndefined();
  });
});
