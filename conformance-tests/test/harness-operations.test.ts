import { OPERATION_NAMES } from "@portalkit/core";
import { expect, it } from "vitest";
import { HARNESS_OPERATIONS } from "../src/harness";

it("a fault can target every operation of the registry but the launches, whose call is createSession's", () => {
  expect([...HARNESS_OPERATIONS].sort()).toEqual(
    [
      "createSession",
      "listInvoices",
      "getSubscription",
      "cancel",
      "reactivate",
      "invoicePdf",
      "updateAddress",
      "paymentMethodLaunch",
      "logout",
      "parseWebhook",
      "getCustomer",
      "listSubscriptions",
    ].sort(),
  );
  expect(OPERATION_NAMES.filter((name) => !HARNESS_OPERATIONS.includes(name as never))).toEqual([
    "openPortal",
    "openSection",
  ]);
});
