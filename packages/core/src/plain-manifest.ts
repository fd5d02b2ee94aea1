import type { Capabilities } from "./capabilities";
import { CAPABILITY_FLAGS, OPTIONAL_OPERATIONS } from "./operations";
import { ADDRESS_FIELDS, PORTAL_SECTIONS } from "./schema-builders";

// What `CapabilitiesSchema.parse` answers for a manifest, computed without zod, or undefined
// when the manifest is anything but well formed (zod then parses it, for its answer and its
// errors). Held to the schema by test/capabilities-fast-path.test.ts.

const SECTIONS: ReadonlySet<unknown> = new Set(PORTAL_SECTIONS);
const CANCEL_MODES: ReadonlySet<unknown> = new Set(["now", "period_end"]);
const ADDRESS_KINDS: ReadonlySet<unknown> = new Set(["billing", "shipping"]);
const CANCEL_REASONS: ReadonlySet<unknown> = new Set(["comment", "code", "none"]);
const SCOPES: ReadonlySet<unknown> = new Set(["customer", "subscription"]);
const FIELDS: ReadonlySet<unknown> = new Set(ADDRESS_FIELDS);
const FLAGS = OPTIONAL_OPERATIONS.map((name) => CAPABILITY_FLAGS[name]);

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of an array of allowed strings, or undefined (a hole, another value, not an array). */
function strings(value: unknown, allowed: ReadonlySet<unknown>, min = 0): string[] | undefined {
  if (!Array.isArray(value) || value.length < min) return undefined;
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== "string" || !allowed.has(item)) return undefined;
    out.push(item);
  }
  return out;
}

/**
 * A strict `{ billing?, shipping? }` object read with `read`, keys in that order; undefined
 * when it has another key, a key holding undefined, or a value `read` refuses. Absent: `{}`
 * (the schema's default).
 */
function byKind<T>(
  value: unknown,
  read: (item: unknown) => T | undefined,
): Partial<Record<"billing" | "shipping", T>> | undefined {
  if (value === undefined) return {};
  if (!isPlain(value)) return undefined;
  for (const key in value) if (key !== "billing" && key !== "shipping") return undefined;
  const out: Partial<Record<"billing" | "shipping", T>> = {};
  for (const key of ["billing", "shipping"] as const) {
    if (!(key in value)) continue;
    const item = read(value[key]);
    if (item === undefined) return undefined;
    out[key] = item;
  }
  return out;
}

export function plainManifest(manifest: unknown): Capabilities | undefined {
  if (!isPlain(manifest)) return undefined;
  const sections = strings(manifest.sections, SECTIONS);
  const cancelModes = strings(manifest.cancelModes, CANCEL_MODES, 1);
  const addressKinds = strings(manifest.addressKinds, ADDRESS_KINDS);
  const cancelReason = manifest.cancelReason;
  const addressScopes = byKind(manifest.addressScopes, (item) => (SCOPES.has(item) ? item : undefined));
  const addressFields = byKind(manifest.addressFields, (item) => strings(item, FIELDS));
  if (!sections || !cancelModes || !addressKinds || !addressScopes || !addressFields) return undefined;
  if (typeof cancelReason !== "string" || !CANCEL_REASONS.has(cancelReason)) return undefined;
  // In the schema's order; keys it does not know are dropped, as zod drops them.
  const out: Plain = { sections, cancelModes, addressKinds, cancelReason, addressScopes, addressFields };
  for (const flag of FLAGS) {
    const value = manifest[flag];
    if (typeof value !== "boolean") return undefined;
    out[flag] = value;
  }
  return out as Capabilities;
}
