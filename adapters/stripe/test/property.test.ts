// Property tests: whatever the input and whatever Stripe answers, every public method of
// the adapter resolves with output its core schema accepts or rejects with a PortalError,
// invalid input sends no request, and nothing is left as an unhandled rejection.
import { mountOnMsw } from "@portalkit/conformance/msw";
import {
  CancelInputSchema,
  CreateSessionInputSchema,
  CustomerSchema,
  encodeCursor,
  GetSubscriptionInputSchema,
  INVOICE_STATUSES,
  InvoicePdfInputSchema,
  InvoicePdfSchema,
  InvoiceSchema,
  ListInvoicesInputSchema,
  OpenPortalInputSchema,
  OpenSectionInputSchema,
  PageSchema,
  PaymentMethodLaunchInputSchema,
  PORTAL_SECTIONS,
  PortalError,
  PortalLaunchSchema,
  type PortalProvider,
  PortalSessionSchema,
  ReactivateInputSchema,
  SubscriptionSchema,
  UpdateAddressInputSchema,
} from "@portalkit/core";
import fc from "fast-check";
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createStripeProvider } from "../src";
import { toRaw } from "../src/raw";
import { createStripeSimulator, STRIPE_API_ORIGIN } from "../src/testing";
import { RETURN_URL, WORLD } from "./support";

const RUNS = process.env.CI === "true" ? 1_000 : 100;

const CONTRACT: Record<string, [input: z.ZodType, output: z.ZodType]> = {
  createSession: [CreateSessionInputSchema, PortalSessionSchema],
  openPortal: [OpenPortalInputSchema, PortalLaunchSchema],
  openSection: [OpenSectionInputSchema, PortalLaunchSchema],
  listInvoices: [ListInvoicesInputSchema, PageSchema(InvoiceSchema)],
  cancel: [CancelInputSchema, SubscriptionSchema],
  getSubscription: [GetSubscriptionInputSchema, SubscriptionSchema],
  reactivate: [ReactivateInputSchema, SubscriptionSchema],
  invoicePdf: [InvoicePdfInputSchema, InvoicePdfSchema],
  updateAddress: [UpdateAddressInputSchema, CustomerSchema],
  paymentMethodLaunch: [PaymentMethodLaunchInputSchema, PortalLaunchSchema],
};
const METHODS = Object.keys(CONTRACT);

// ---- inputs: mostly plausible, often odd, sometimes anything at all -------------------

const CUSTOMERS = ["cus_ann", "cus_ben", "cus_nobody"];
const SUBSCRIPTIONS = ["sub_ann", "sub_ann_old", "sub_ben", "sub_nobody"];
const INVOICES = ["in_ann_paid", "in_ann_draft", "in_ann_open", "in_ben", "in_nobody"];

const odd = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("", " ", "..", "../v1/customers", "a/b", "%2e%2e", "\u0000", "x".repeat(101)),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e21, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 2 }),
);
const oneOf = <T>(known: readonly T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, odd);

const address = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        firstName: fc.string({ minLength: 1, maxLength: 20 }),
        lastName: fc.string({ minLength: 1, maxLength: 20 }),
        company: fc.string({ minLength: 1, maxLength: 20 }),
        email: fc.emailAddress(),
        phone: fc.stringMatching(/^\+?[0-9 ().-]{5,30}$/),
        line1: fc.string({ minLength: 1, maxLength: 40 }),
        city: fc.string({ minLength: 1, maxLength: 30 }),
        postalCode: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/),
        country: fc.oneof(fc.constantFrom("US", "DE", "FR"), fc.string({ maxLength: 3 })),
      },
      { requiredKeys: [] },
    ),
  },
  fc.dictionary(fc.string({ maxLength: 10 }), odd, { maxKeys: 3 }),
  odd,
);

const FIELDS = {
  customerId: oneOf(CUSTOMERS),
  subscriptionId: oneOf(SUBSCRIPTIONS),
  invoiceId: oneOf(INVOICES),
  returnUrl: fc.oneof(fc.webUrl(), fc.constantFrom("javascript:alert(1)", "ftp://x.example/", "/relative"), odd),
  section: oneOf(PORTAL_SECTIONS),
  fallback: fc.oneof({ weight: 3, arbitrary: fc.constant("portal") }, odd),
  status: fc.oneof(fc.subarray([...INVOICE_STATUSES], { minLength: 1 }), fc.array(odd, { maxLength: 3 }), odd),
  includePending: fc.oneof(fc.boolean(), odd),
  limit: fc.oneof(fc.integer({ min: -5, max: 150 }), odd),
  cursor: fc.oneof(
    fc.tuple(fc.constantFrom(...CUSTOMERS), fc.string({ maxLength: 30 })).map(([c, v]) => encodeCursor("stripe", c, v)),
    fc.tuple(fc.constantFrom(...CUSTOMERS), fc.constantFrom(...INVOICES)).map(([c, v]) => encodeCursor("stripe", c, v)),
    fc.base64String({ maxLength: 40 }),
    odd,
  ),
  when: oneOf(["now", "period_end"]),
  reason: fc.oneof(fc.string({ maxLength: 600 }), odd),
  kind: oneOf(["billing", "shipping"]),
  address,
  sessionId: oneOf(["bps_123"]),
};
type Field = keyof typeof FIELDS;

/** The keys each method's schema knows, and one it does not (a typo, a stray key). */
function inputFor(method: string): fc.Arbitrary<unknown> {
  const schema = CONTRACT[method]?.[0] as z.ZodObject;
  const keys = Object.keys(schema.shape) as Field[];
  const known = Object.fromEntries(keys.map((key) => [key, FIELDS[key]]));
  const required = keys.filter((key) => !schema.shape[key]?.safeParse(undefined).success);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record(known, { requiredKeys: required }) },
    { weight: 2, arbitrary: fc.record(known, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record({ ...known, [`${keys[0]}X`]: odd }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: odd },
  );
}

const call = fc.constantFrom(...METHODS).chain((method) => fc.tuple(fc.constant(method), inputFor(method)));

// ---- checks ---------------------------------------------------------------------------------

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled).toEqual([]);
});

/**
 * Calls one method: it must reject with a PortalError or resolve, and with `checkOutput`
 * (the simulator answering as Stripe does) resolve with what its core schema accepts.
 */
async function outcome(
  provider: PortalProvider,
  method: string,
  input: unknown,
  checkOutput: boolean,
): Promise<"ok" | PortalError> {
  const [, output] = CONTRACT[method] as [z.ZodType, z.ZodType];
  const fn = (provider as unknown as Record<string, (input: unknown) => Promise<unknown>>)[method];
  if (typeof fn !== "function") throw new Error(`${method} is missing`);
  let result: unknown;
  try {
    result = await fn(input);
  } catch (error) {
    if (PortalError.isInstance(error)) return error;
    throw new Error(`${method} rejected with ${String(error)} instead of a PortalError`, { cause: error });
  }
  const parsed = output.safeParse(result);
  if (checkOutput && !parsed.success)
    throw new Error(`${method} answered what its schema refuses: ${parsed.error.message}`);
  return "ok";
}

// ---- the adapter on its simulator ------------------------------------------------------

const SECRET_KEY = "sk_test_propertyPortalkit0000000000";

interface Rig {
  provider: PortalProvider;
  /** A fresh, seeded simulator with an empty request log. */
  reset(): void;
  readonly requests: readonly unknown[];
  close(): void;
}

/** The Stripe simulator at Stripe's origin (through MSW), each answer passed through `answer`. */
function stripeRig(answer: (response: Response) => Promise<Response> = async (response) => response): Rig {
  const sim = createStripeSimulator({ secretKey: SECRET_KEY });
  const unmount = mountOnMsw(STRIPE_API_ORIGIN, async (request) => answer(await sim.handle(request)));
  const provider = createStripeProvider({
    secretKey: SECRET_KEY,
    returnUrl: RETURN_URL,
    retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
    timeoutMs: 2_000,
  });
  return {
    provider,
    reset() {
      sim.reset();
      sim.seed(structuredClone(WORLD));
      sim.clearRequests();
    },
    get requests() {
      return sim.requests;
    },
    close: unmount,
  };
}

describe("arbitrary input", () => {
  let rig: Rig;
  beforeAll(() => {
    rig = stripeRig();
  });
  afterAll(() => rig.close());

  it("answers every call with schema-valid output or a PortalError; invalid input sends nothing", async () => {
    let reachedVendor = 0;
    await fc.assert(
      fc.asyncProperty(call, async ([method, input]) => {
        rig.reset();
        const valid = CONTRACT[method]?.[0].safeParse(input).success;
        if (valid) reachedVendor++;
        const result = await outcome(rig.provider, method, input, true);
        if (!valid) {
          expect(result === "ok" ? "ok" : result.code).toBe("invalid_input");
          expect(rig.requests).toEqual([]);
        }
      }),
      { numRuns: RUNS },
    );
    // The inputs are not all refused at the door: many calls reach the simulator.
    expect(reachedVendor).toBeGreaterThan(RUNS / 5);
  }, 120_000);
});

// ---- vendor responses: the simulator's answers, corrupted ------------------------------------

type Corruption =
  | { kind: "mutate"; edits: Array<[path: number, value: unknown]> }
  | { kind: "replace"; status: number; body: string; type: string }
  | { kind: "truncate"; fraction: number };

const DELETE = Symbol("delete");
// As values arrive off the wire: JSON text has no -0 (fast-check's doubles do).
const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);
const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("mutate" as const),
      edits: fc.array(fc.tuple(fc.nat(), fc.oneof(fc.constant(DELETE), fc.constant(null), json)), {
        minLength: 1,
        maxLength: 4,
      }),
    }),
  },
  fc.record({
    kind: fc.constant("replace" as const),
    status: fc.oneof(
      fc.constantFrom(200, 201, 204, 400, 401, 402, 404, 409, 429, 500, 502),
      fc.integer({ min: 200, max: 599 }),
    ),
    body: fc.oneof(
      json.map((value) => JSON.stringify(value)),
      fc.constantFrom("", "<html>Bad gateway</html>", '{"error":', '{"error":{"type":"api_error"}}', "null"),
      fc.string({ maxLength: 50 }),
    ),
    type: fc.constantFrom("application/json", "text/html", "text/plain"),
  }),
  fc.record({ kind: fc.constant("truncate" as const), fraction: fc.double({ min: 0, max: 0.99, noNaN: true }) }),
);

/** Every path in a JSON value, parents before children. */
function paths(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(prefix);
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value))
      paths(item, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function edit(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value === DELETE ? null : value;
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return root;
}

async function corrupt(response: Response, plan: Corruption): Promise<Response> {
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  if (plan.kind === "replace") {
    return new Response(plan.status === 204 ? null : plan.body, {
      status: plan.status,
      headers: { "content-type": plan.type },
    });
  }
  if (plan.kind === "truncate") {
    return new Response(text.slice(0, Math.floor(text.length * plan.fraction)), { status: response.status, headers });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, headers });
  }
  for (const [at, replacement] of plan.edits) {
    const all = paths(value);
    value = edit(value, all[at % all.length] ?? [], replacement);
  }
  return new Response(JSON.stringify(value), { status: response.status, headers });
}

describe("malformed vendor responses", () => {
  let plan: Corruption = { kind: "truncate", fraction: 0 };
  let rig: Rig;
  beforeAll(() => {
    rig = stripeRig((response) => corrupt(response, plan));
  });
  afterAll(() => rig.close());

  it("rejects only with PortalErrors whatever Stripe answers (corrupted, truncated, any status)", async () => {
    const validCall = fc.constantFrom(...METHODS).chain((method) =>
      fc.tuple(
        fc.constant(method),
        inputFor(method).filter((input) => CONTRACT[method]?.[0].safeParse(input).success === true),
      ),
    );
    await fc.assert(
      fc.asyncProperty(validCall, corruption, async ([method, input], corruptionPlan) => {
        rig.reset();
        plan = corruptionPlan;
        await outcome(rig.provider, method, input, false);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

// ---- raw objects -----------------------------------------------------------------------------

function hasUndefined(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(hasUndefined);
}

describe("raw vendor objects", () => {
  const decimal = fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.nat({ max: 6 }))
    .map(([units, places]) => Stripe.Decimal.from((units / 10 ** places).toFixed(places)));
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      json,
      decimal,
      fc.constant(undefined),
      fc.array(tie("node"), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 8 }), tie("node"), { maxKeys: 4 }),
    ),
  })).node;

  it("keeps exactly what a JSON round trip keeps (Decimals as strings, no lastResponse)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 6 }), (object) => {
        Object.defineProperty(object, "lastResponse", { enumerable: false, value: { requestId: "req_1" } });
        const raw = toRaw(object);
        expect(raw).toEqual(JSON.parse(JSON.stringify(object)));
        expect(JSON.stringify(raw)).toBe(JSON.stringify(object));
        expect(hasUndefined(raw)).toBe(false);
        expect(Object.getOwnPropertyNames(raw)).not.toContain("lastResponse");
      }),
      { numRuns: RUNS },
    );
  });
});
