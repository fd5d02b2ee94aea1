import type * as z from "zod";
import {
  createSessionInputSchema,
  getCustomerInputSchema,
  getSubscriptionInputSchema,
  invoicePdfInputSchema,
  listInvoicesInputSchema,
  listSubscriptionsInputSchema,
  logoutInputSchema,
  MAX_PAGE_SIZE,
  openPortalInputSchema,
} from "./input-builders";
import { ID_CHARACTERS, MAX_CURSOR_LENGTH, MAX_ID_LENGTH, ONLY_DOTS } from "./input-limits";
import { once } from "./once";

/** The kinds of field the commonest inputs are made of. */
type FieldKind = "id" | "pageSize" | "cursor" | "boolean";

/** A field of a fast check: its kind, and whether the input must have it. */
type Field = readonly [kind: FieldKind, required: boolean];

const ID: Field = ["id", true];
const OPTIONAL_ID: Field = ["id", false];
const PAGE_SIZE: Field = ["pageSize", false];
const CURSOR: Field = ["cursor", false];
const BOOLEAN: Field = ["boolean", false];

/**
 * Hand-written checks of the inputs an application sends most (every page of a walk, every
 * launch), for the fields whose rules are simple. An input with any other field (a
 * `status` filter, a `returnUrl`) or anything unusual is left to zod. Each table lists a
 * subset of its schema's fields, with that schema's rules (input-limits.ts); property tests
 * hold every answer to the schema's own.
 */
// Made on the first check, not at import: the schemas it is keyed by are built on first use.
const fastFields = once(
  () =>
    new Map<z.ZodType, Readonly<Record<string, Field>>>([
      [createSessionInputSchema(), { customerId: ID }],
      [openPortalInputSchema(), { customerId: ID }],
      [getCustomerInputSchema(), { customerId: ID }],
      [getSubscriptionInputSchema(), { customerId: ID, subscriptionId: ID }],
      [invoicePdfInputSchema(), { customerId: ID, invoiceId: ID }],
      [logoutInputSchema(), { customerId: ID, sessionId: ID }],
      [
        listInvoicesInputSchema(),
        {
          customerId: ID,
          subscriptionId: OPTIONAL_ID,
          includePending: BOOLEAN,
          limit: PAGE_SIZE,
          cursor: CURSOR,
        },
      ],
      [listSubscriptionsInputSchema(), { customerId: ID, limit: PAGE_SIZE, cursor: CURSOR }],
    ]),
);

/**
 * The last id found valid. A walk sends the same customer id with every page, and whether
 * a string is a valid id never changes, so the regular expressions run once for it.
 */
let lastValidId: string | undefined;

function validId(value: unknown): boolean {
  if (typeof value === "string" && value === lastValidId) return true;
  const ok =
    typeof value === "string" &&
    value.length >= 1 &&
    value.length <= MAX_ID_LENGTH &&
    ID_CHARACTERS.test(value) &&
    !ONLY_DOTS.test(value);
  if (ok) lastValidId = value as string;
  return ok;
}

function valid(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case "id":
      return validId(value);
    case "pageSize":
      return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE;
    case "cursor":
      return typeof value === "string" && value.length >= 1 && value.length <= MAX_CURSOR_LENGTH;
    case "boolean":
      return typeof value === "boolean";
  }
}

/** The schema's field order, which zod writes its output in, per table. */
const ORDERS = new Map<z.ZodType, readonly string[]>();

function orderOf(schema: z.ZodType, fields: Readonly<Record<string, Field>>): readonly string[] {
  let order = ORDERS.get(schema);
  if (order === undefined) {
    const shape = (schema as unknown as { shape: Record<string, unknown> }).shape;
    order = Object.keys(shape).filter((key) => key in fields);
    ORDERS.set(schema, order);
  }
  return order;
}

/**
 * The input as `schema` parses it, when the input is a plain object of simple fields that
 * the schema accepts; `undefined` otherwise (then the schema decides, and writes the error).
 * Never answers what the schema would refuse or answer differently.
 */
export function fastInput(schema: z.ZodType, input: unknown): Record<string, unknown> | undefined {
  const fields = fastFields().get(schema);
  if (fields === undefined || typeof input !== "object" || input === null) return undefined;
  if (Object.getPrototypeOf(input) !== Object.prototype) return undefined;
  const given = input as Record<string, unknown>;
  let present = 0;
  for (const key in given) {
    if (!Object.hasOwn(fields, key)) return undefined;
    present++;
  }
  const out: Record<string, unknown> = {};
  let seen = 0;
  for (const key of orderOf(schema, fields)) {
    if (!Object.hasOwn(given, key)) {
      if ((fields[key] as Field)[1]) return undefined;
      continue;
    }
    const value = given[key];
    if (!valid((fields[key] as Field)[0], value)) return undefined;
    out[key] = value;
    seen++;
  }
  // A key `for…in` met that is not an own enumerable data field (an inherited one) is left to zod.
  return seen === present ? out : undefined;
}
