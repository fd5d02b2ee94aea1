import type { PortalLaunch, PortalProvider } from "@portalkit/core";

/**
 * The simulators answer with the vendors' own kinds of URLs (billing.stripe.com sessions,
 * pay.stripe.com PDFs, Chargebee hosted pages and PDF downloads), which lead nowhere
 * offline. In the simulated demo every URL a provider hands out is sent through the app's
 * /simulated pages instead, which show what the vendor's page would. Never used against a
 * real vendor.
 */
export function withSimulatedLinks(provider: PortalProvider, appOrigin: string): PortalProvider {
  const link = (kind: "page" | "pdf", url: string) => `${appOrigin}/simulated/${kind}?url=${encodeURIComponent(url)}`;
  const relink = (launch: PortalLaunch): PortalLaunch =>
    launch.kind === "redirect" ? { ...launch, url: link("page", launch.url) } : launch;
  const { invoicePdf, paymentMethodLaunch } = provider;
  return {
    ...provider,
    openPortal: async (input) => relink(await provider.openPortal(input)),
    openSection: async (input) => relink(await provider.openSection(input)),
    ...(invoicePdf
      ? {
          invoicePdf: async (input) => {
            const pdf = await invoicePdf(input);
            return { ...pdf, url: link("pdf", pdf.url) };
          },
        }
      : {}),
    ...(paymentMethodLaunch ? { paymentMethodLaunch: async (input) => relink(await paymentMethodLaunch(input)) } : {}),
  };
}
