import * as z from "zod";
import type { Capabilities } from "./capabilities";
import type { AddressKind } from "./inputs";
import { lazyShape } from "./lazy-shape";
import { once } from "./once";
import { CAPABILITY_FLAGS, type CapabilityFlag, OPTIONAL_OPERATIONS, type OptionalOperation } from "./operations";
import { plainManifest } from "./plain-manifest";
import { ADDRESS_FIELDS, type AddressField, PORTAL_SECTIONS, portalSectionSchema } from "./schema-builders";
import type { PortalSection } from "./schemas";

// The capability schemas of capabilities.ts, each built by one function here on its first
// call (see schema-builders.ts for why), and the functions that make and read manifests.

let flagSchema: z.ZodBoolean | undefined;
// One schema for every flag: schemas hold no state, and each one built costs time.
const flag = () => (flagSchema ??= z.boolean());
const flags = Object.fromEntries(OPTIONAL_OPERATIONS.map((name) => [CAPABILITY_FLAGS[name], flag])) as {
  [K in CapabilityFlag]: () => z.ZodBoolean;
};

export const cancelReasonHandlingSchema = once(() => z.enum(["comment", "code", "none"]));

export const addressScopeSchema = once(() => z.enum(["customer", "subscription"]));

export const addressScopesSchema = once(() =>
  z.strictObject(
    lazyShape({
      billing: () => addressScopeSchema().optional(),
      shipping: () => addressScopeSchema().optional(),
    }),
  ),
);

export const addressFieldSchema = once(() => z.enum(ADDRESS_FIELDS as [AddressField, ...AddressField[]]));

export const addressFieldsSchema = once(() =>
  z.strictObject(
    lazyShape({
      billing: () => z.array(addressFieldSchema()).optional(),
      shipping: () => z.array(addressFieldSchema()).optional(),
    }),
  ),
);

export const capabilitiesSchema = once(() =>
  z.object(
    lazyShape({
      /** Sections `openSection` opens directly; others need `fallback: "portal"`. */
      sections: () => z.array(portalSectionSchema()),
      /** The `when` values `cancel` accepts. */
      cancelModes: () => z.array(z.enum(["now", "period_end"])).min(1),
      /** Address kinds `updateAddress` can change (empty when it is not offered). */
      addressKinds: () => z.array(z.enum(["billing", "shipping"])),
      /**
       * What `cancel` does with `reason`: sends it as a free-text `comment` (Stripe's
       * `cancellation_details[comment]`), as a vendor reason `code` (Chargebee's
       * `cancel_reason_code`, only the codes configured), or `none`: the vendor keeps no reason,
       * and a reason given is refused (`invalid_input` naming `reason`), never dropped.
       */
      cancelReason: () => cancelReasonHandlingSchema(),
      /**
       * Where each address kind lives at the vendor: on the `customer` (read it with
       * `getCustomer`) or on each `subscription` (read it from the subscription). A kind the
       * vendor does not keep is left out.
       */
      addressScopes: () => addressScopesSchema().default({}),
      /**
       * The address fields the vendor keeps for each kind (Paddle's billing address has no
       * phone or company). `updateAddress` refuses a field not listed (`invalid_input` naming
       * `address.<field>`), never drops it. A kind left out keeps every field.
       */
      addressFields: () => addressFieldsSchema().default({}),
      /** One flag per optional operation, named after it (`webhooks` for `parseWebhook`). */
      ...flags,
    }),
  ),
);

/** Builds a frozen capability manifest; every flag not given is false. */
export function defineCapabilities(
  manifest: Pick<Capabilities, "sections" | "cancelModes"> & Partial<Capabilities>,
): Readonly<Capabilities> {
  const full = {
    addressKinds: [],
    cancelReason: "none",
    addressScopes: {},
    addressFields: {},
    ...Object.fromEntries(OPTIONAL_OPERATIONS.map((name) => [CAPABILITY_FLAGS[name], false])),
    ...manifest,
  };
  // Adapters define their manifests while their modules load: a well-formed one is copied
  // without zod (parsing it would build the schemas at import); anything else is parsed, for
  // zod's answer and its errors.
  return Object.freeze(plainManifest(full) ?? capabilitiesSchema().parse(full, { jitless: true }));
}

export function supportsSection(capabilities: Capabilities, section: PortalSection): boolean {
  return capabilities.sections.includes(section);
}

/**
 * The manifest of an adapter from its section table (the sections it opens directly) and
 * the optional operations it claims; every other flag is false.
 */
export function claimCapabilities(
  sections: Partial<Record<PortalSection, unknown>>,
  manifest: Pick<Capabilities, "cancelModes"> &
    Partial<Pick<Capabilities, "addressKinds" | "addressScopes" | "addressFields" | "cancelReason">> & {
      operations: readonly OptionalOperation[];
    },
): Readonly<Capabilities> {
  const { operations, ...rest } = manifest;
  return defineCapabilities({
    ...rest,
    sections: PORTAL_SECTIONS.filter((section) => sections[section] !== undefined),
    ...Object.fromEntries(operations.map((name) => [CAPABILITY_FLAGS[name], true])),
  });
}

/** Whether a manifest announces an optional operation (by its capability flag). */
export function claims(capabilities: Capabilities, operation: OptionalOperation): boolean {
  return capabilities[CAPABILITY_FLAGS[operation]] === true;
}

/** The address fields a provider keeps for a kind: those it declares, or every field. */
export function storedAddressFields(capabilities: Capabilities, kind: AddressKind): readonly AddressField[] {
  return capabilities.addressFields[kind] ?? ADDRESS_FIELDS;
}
