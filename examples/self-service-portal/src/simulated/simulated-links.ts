import type { PortalLaunch, PortalProvider } from "@portalkit/core";

/**
 * The simulators answer with the vendors' own kinds of URLs (billing.stripe.com sessions,
 * pay.stripe.com PDFs, Chargebee hosted pages and PDF downloads), which lead nowhere
 * offline. In the simulated demo every URL a provider hands out is sent through the app's
 * /simulated pages instead, which show what the vendor's page would. Never used against a
 * real vendor.
 */
export function withSimulatedLinks(provider: PortalProvider, appOrigin: string, owners?: LinkOwners): PortalProvider {
  const link = (kind: "page" | "pdf", url: string) => `${appOrigin}/simulated/${kind}?url=${encodeURIComponent(url)}`;
  const relink = (launch: PortalLaunch, customerId: string): PortalLaunch => {
    if (launch.kind !== "redirect") return launch;
    owners?.remember(launch.url, customerId);
    return { ...launch, url: link("page", launch.url) };
  };
  const { invoicePdf, paymentMethodLaunch } = provider;
  return {
    ...provider,
    openPortal: async (input) => relink(await provider.openPortal(input), input.customerId),
    openSection: async (input) => relink(await provider.openSection(input), input.customerId),
    ...(invoicePdf
      ? {
          invoicePdf: async (input) => {
            const pdf = await invoicePdf(input);
            return { ...pdf, url: link("pdf", pdf.url) };
          },
        }
      : {}),
    ...(paymentMethodLaunch
      ? { paymentMethodLaunch: async (input) => relink(await paymentMethodLaunch(input), input.customerId) }
      : {}),
  };
}

/** Which customer each vendor page link was handed to, so that only they may open it. */
export interface LinkOwners {
  remember(url: string, customerId: string): void;
  ownerOf(url: string): string | undefined;
}

export function createLinkOwners(max = 10_000): LinkOwners {
  const owners = new Map<string, string>();
  return {
    remember(url, customerId) {
      owners.delete(url);
      owners.set(url, customerId);
      // The oldest links go first: the vendors' own expire within the hour.
      if (owners.size > max) owners.delete(owners.keys().next().value as string);
    },
    ownerOf: (url) => owners.get(url),
  };
}
