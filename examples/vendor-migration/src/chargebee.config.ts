import { createChargebeeProvider } from "@portalkit/chargebee";
import { PortalError, type PortalProvider } from "@portalkit/core";

// `portalkit diff --from src/chargebee.config.ts`: the provider migrated from. Against a real
// site, set CHARGEBEE_SITE and CHARGEBEE_API_KEY and leave CHARGEBEE_API_URL unset.
export function createProvider(): PortalProvider {
  const site = process.env.CHARGEBEE_SITE;
  const apiKey = process.env.CHARGEBEE_API_KEY;
  if (!site || !apiKey) {
    throw new PortalError({
      code: "invalid_input",
      provider: "chargebee",
      message: "Set CHARGEBEE_SITE and CHARGEBEE_API_KEY",
    });
  }
  const apiBaseUrl = process.env.CHARGEBEE_API_URL;
  return createChargebeeProvider({ site, apiKey, ...(apiBaseUrl ? { apiBaseUrl } : {}) });
}
