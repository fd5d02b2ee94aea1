import {
  ADDRESS_FIELDS,
  type Capabilities,
  claimCapabilities,
  OPTIONAL_OPERATIONS,
  PORTAL_SECTIONS,
  type PortalSection,
} from "@portalkit/core";
import type { SectionTable } from "@portalkit/core/adapter";

/** The hosted portal opens every section directly, for one subscription where one is named. */
export function memorySections(sections: readonly PortalSection[] = PORTAL_SECTIONS): SectionTable {
  return Object.fromEntries(sections.map((section) => [section, {}]));
}

/**
 * Every operation of the registry is offered: the reference adapter implements each one (the
 * kit refuses a claimed operation without its method, so an operation added to the registry
 * is added here too). `sections` narrows what opens directly (the rest fall back).
 */
export function memoryCapabilities(sections?: readonly PortalSection[]): Readonly<Capabilities> {
  return claimCapabilities(memorySections(sections), {
    cancelModes: ["now", "period_end"],
    addressKinds: ["billing", "shipping"],
    cancelReason: "comment",
    // A shipping address is kept on the subscription it is written for.
    addressScopes: { billing: "customer", shipping: "subscription" },
    addressFields: { billing: [...ADDRESS_FIELDS], shipping: [...ADDRESS_FIELDS] },
    operations: OPTIONAL_OPERATIONS,
  });
}
