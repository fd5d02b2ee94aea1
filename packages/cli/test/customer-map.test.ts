import { PortalError } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { parseCustomerMap } from "../src/index";

function failure(csv: string): PortalError {
  try {
    parseCustomerMap(csv);
  } catch (error) {
    if (PortalError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("parseCustomerMap accepted the map");
}

describe("parseCustomerMap", () => {
  it("reads the header, the rows and the optional subscription columns", () => {
    const csv = [
      "from_customer,to_customer,from_subscription,to_subscription",
      "cb_alice,cus_A1,cb_sub_1,sub_X1",
      "cb_alice,cus_A1,cb_sub_2,sub_X2",
      "cb_bob,cus_B1",
      "cb_carol,cus_C1,,",
    ].join("\n");
    expect(parseCustomerMap(csv)).toEqual([
      {
        from: "cb_alice",
        to: "cus_A1",
        subscriptions: [
          { from: "cb_sub_1", to: "sub_X1" },
          { from: "cb_sub_2", to: "sub_X2" },
        ],
      },
      { from: "cb_bob", to: "cus_B1", subscriptions: [] },
      { from: "cb_carol", to: "cus_C1", subscriptions: [] },
    ]);
  });

  it("takes a map without a header, with CRLF line ends, a BOM, comments, blank lines and spaces", () => {
    const csv = "\uFEFF# exported 2026-10-01\r\n\r\n cb_alice , cus_A1 \r\ncb_bob,cus_B1\r\n";
    expect(parseCustomerMap(csv).map((m) => [m.from, m.to])).toEqual([
      ["cb_alice", "cus_A1"],
      ["cb_bob", "cus_B1"],
    ]);
  });

  it("reads quoted cells, with commas and doubled quotes inside", () => {
    const csv = 'from_customer,to_customer\n"cb,alice","cus_""A"""\n';
    expect(parseCustomerMap(csv)).toEqual([{ from: "cb,alice", to: 'cus_"A"', subscriptions: [] }]);
  });

  it("reads a header only on the first row", () => {
    expect(parseCustomerMap("cb_alice,cus_A1\nfrom_customer,cus_F1").map((m) => m.from)).toEqual([
      "cb_alice",
      "from_customer",
    ]);
  });

  it("is empty for an empty map", () => {
    expect(parseCustomerMap("from_customer,to_customer\n")).toEqual([]);
    expect(parseCustomerMap("")).toEqual([]);
  });

  it.each([
    [
      "a row without a target",
      "from_customer,to_customer\ncb_alice,cus_A1\ncb_bob\n",
      3,
      "needs from_customer and to_customer",
    ],
    ["a row with an empty source", "\n,cus_A1", 2, "needs from_customer and to_customer"],
    [
      "one customer mapped to two",
      "cb_alice,cus_A1\n# moved\ncb_alice,cus_A2",
      3,
      "cb_alice is mapped to both cus_A1 and cus_A2",
    ],
    ["half a subscription pair", "cb_alice,cus_A1,cb_sub_1,", 1, "give both subscription ids or neither"],
    ["a subscription mapped twice", "cb_alice,cus_A1,s1,x1\ncb_alice,cus_A1,s1,x2", 2, "subscription s1 mapped twice"],
    ["too many columns", "cb_alice,cus_A1,s1,x1,extra", 1, "expected at most 4 columns, found 5"],
    ["an unterminated quote", 'cb_alice,"cus_A1', 1, "unterminated quote"],
  ])("refuses %s, naming the line", (_, csv, line, message) => {
    const error = failure(csv);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toBe(`customer map line ${line}: ${message}`);
    expect(error.field).toBe(`line ${line}`);
  });
});
