import { ADDRESS_FIELDS } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { CHARGEBEE_CAPABILITIES, chargebeeCapabilities } from "../src/index";

describe("Chargebee's capabilities", () => {
  it("announce where each address lives and every field both keep", () => {
    expect(CHARGEBEE_CAPABILITIES).toMatchObject({
      cancelModes: ["now", "period_end"],
      addressKinds: ["billing", "shipping"],
      addressScopes: { billing: "customer", shipping: "subscription" },
      addressFields: { billing: [...ADDRESS_FIELDS], shipping: [...ADDRESS_FIELDS] },
      cancelReason: "none",
      getCustomer: true,
      listSubscriptions: true,
      webhooks: true,
    });
  });

  it("take reasons as codes only once some are given", () => {
    expect(chargebeeCapabilities({ cancelReasonCodes: [] }).cancelReason).toBe("none");
    expect(chargebeeCapabilities({ cancelReasonCodes: ["too_expensive"] }).cancelReason).toBe("code");
    expect(chargebeeCapabilities({}).cancelReason).toBe("none");
  });
});
