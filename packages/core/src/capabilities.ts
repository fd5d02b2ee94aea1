import * as z from "zod";
import { type PortalSection, PortalSectionSchema } from "./schemas";

/** The optional methods of PortalProvider, each announced by a capability flag. */
export const OPTIONAL_OPERATIONS = [
  "getSubscription",
  "reactivate",
  "invoicePdf",
  "updateAddress",
  "paymentMethodLaunch",
  "logout",
] as const;
export type OptionalOperation = (typeof OPTIONAL_OPERATIONS)[number];

export const CapabilitiesSchema = z.object({
  /** Sections `openSection` opens directly; others need `fallback: "portal"`. */
  sections: z.array(PortalSectionSchema),
  /** The `when` values `cancel` accepts. */
  cancelModes: z.array(z.enum(["now", "period_end"])).min(1),
  /** Address kinds `updateAddress` can change (empty when it is not offered). */
  addressKinds: z.array(z.enum(["billing", "shipping"])),
  getSubscription: z.boolean(),
  reactivate: z.boolean(),
  invoicePdf: z.boolean(),
  updateAddress: z.boolean(),
  paymentMethodLaunch: z.boolean(),
  logout: z.boolean(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/** Builds a frozen capability manifest; every flag not given is false. */
export function defineCapabilities(
  manifest: Pick<Capabilities, "sections" | "cancelModes"> & Partial<Capabilities>,
): Readonly<Capabilities> {
  const full: Capabilities = {
    addressKinds: [],
    getSubscription: false,
    reactivate: false,
    invoicePdf: false,
    updateAddress: false,
    paymentMethodLaunch: false,
    logout: false,
    ...manifest,
  };
  return Object.freeze(CapabilitiesSchema.parse(full));
}

export function supportsSection(capabilities: Capabilities, section: PortalSection): boolean {
  return capabilities.sections.includes(section);
}
