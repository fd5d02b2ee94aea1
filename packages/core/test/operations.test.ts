import { describe, expect, it } from "vitest";
import {
  CAPABILITY_FLAGS,
  CapabilitiesSchema,
  claims,
  createRouter,
  createShadow,
  defineCapabilities,
  OPERATION_NAMES,
  OPERATIONS,
  OPTIONAL_OPERATIONS,
  type PortalProvider,
  REQUIRED_OPERATIONS,
} from "../src/index";

/** A provider with every operation of the registry, each answering its own name. */
function everyOperation(id: string): PortalProvider {
  const methods = Object.fromEntries(OPERATION_NAMES.map((name) => [name, async () => name]));
  return {
    id,
    capabilities: defineCapabilities({
      sections: [],
      cancelModes: ["now"],
      ...Object.fromEntries(OPTIONAL_OPERATIONS.map((name) => [CAPABILITY_FLAGS[name], true])),
    }),
    ...methods,
  } as unknown as PortalProvider;
}

describe("the operations registry", () => {
  it("splits every operation into required and optional, each optional one with its capability flag", () => {
    expect([...REQUIRED_OPERATIONS, ...OPTIONAL_OPERATIONS].sort()).toEqual([...OPERATION_NAMES].sort());
    expect(REQUIRED_OPERATIONS).toEqual(["createSession", "openPortal", "openSection", "listInvoices", "cancel"]);
    const flags = Object.keys(CapabilitiesSchema.shape).filter(
      (key) =>
        !["sections", "cancelModes", "addressKinds", "cancelReason", "addressScopes", "addressFields"].includes(key),
    );
    expect(flags.sort()).toEqual(OPTIONAL_OPERATIONS.map((name) => CAPABILITY_FLAGS[name]).sort());
    expect(CAPABILITY_FLAGS.parseWebhook).toBe("webhooks");
    expect(CAPABILITY_FLAGS.getSubscription).toBe("getSubscription");
  });

  it("gives every operation an input and an output schema", () => {
    for (const name of OPERATION_NAMES) {
      expect(OPERATIONS[name].input.safeParse({}).success, `${name} refuses an empty input`).toBe(false);
      expect(typeof OPERATIONS[name].output.safeParse).toBe("function");
    }
  });

  it("drives the router: every customer operation is routed, the others are not", async () => {
    const router = createRouter({ providers: { a: everyOperation("a") }, resolve: () => "a" });
    for (const name of OPERATION_NAMES) {
      const routed = OPERATIONS[name].scope === "customer";
      expect(typeof router[name] === "function", name).toBe(routed);
      const optional = OPTIONAL_OPERATIONS.find((candidate) => candidate === name);
      expect(optional === undefined || claims(router.capabilities, optional), name).toBe(routed);
    }
    expect(await router.invoicePdf?.({ customerId: "c", invoiceId: "i" })).toBe("invoicePdf");
  });

  it("drives the shadow: every operation of the primary answers through it", async () => {
    const primary = everyOperation("p");
    const shadow = createShadow({ primary, shadow: everyOperation("s"), onDiff: () => undefined });
    for (const name of OPERATION_NAMES) expect(typeof shadow[name], name).toBe("function");
    expect(await shadow.logout?.({ customerId: "c", sessionId: "s1" })).toBe("logout");
  });
});
