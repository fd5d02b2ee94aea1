import type { PortalLaunch, PortalProvider } from "@portalkit/core";

/**
 * The vendor portal sessions the app opened for each customer, so that signing out of the
 * app ends them too: Chargebee keeps a portal session alive for an hour, and on a shared
 * computer the next person could otherwise reopen it.
 */
export interface PortalSessionLog {
  /** The provider, remembering the session behind every launch and session it creates. */
  readonly provider: PortalProvider;
  /**
   * Logs out every session the app opened for the customer (`provider.logout`, which checks
   * each is theirs) and forgets them. Answers the failures, for the log; the rest are ended.
   */
  endAll(customerId: string): Promise<unknown[]>;
  /** The sessions remembered for a customer, oldest first. */
  sessionsOf(customerId: string): readonly string[];
}

/** Sessions kept per customer: older ones have expired at the vendor long before (an hour). */
const PER_CUSTOMER = 50;

export function createPortalSessionLog(provider: PortalProvider, maxCustomers = 10_000): PortalSessionLog {
  const sessions = new Map<string, string[]>();
  const remember = (customerId: string, sessionId: string | undefined) => {
    if (sessionId === undefined || !provider.capabilities.logout) return;
    const list = sessions.get(customerId) ?? [];
    sessions.delete(customerId);
    list.push(sessionId);
    if (list.length > PER_CUSTOMER) list.shift();
    sessions.set(customerId, list);
    if (sessions.size > maxCustomers) sessions.delete(sessions.keys().next().value as string);
  };
  const launched = <L extends PortalLaunch>(launch: L, customerId: string): L => {
    remember(customerId, launch.sessionId);
    return launch;
  };
  const tracked: PortalProvider = {
    ...provider,
    createSession: async (input) => {
      const session = await provider.createSession(input);
      remember(input.customerId, session.id);
      return session;
    },
    openPortal: async (input) => launched(await provider.openPortal(input), input.customerId),
    openSection: async (input) => launched(await provider.openSection(input), input.customerId),
  };
  return {
    provider: tracked,
    sessionsOf: (customerId) => sessions.get(customerId) ?? [],
    async endAll(customerId) {
      const ids = sessions.get(customerId) ?? [];
      sessions.delete(customerId);
      const { logout } = provider;
      if (!logout || ids.length === 0) return [];
      const results = await Promise.allSettled(ids.map((sessionId) => logout({ customerId, sessionId })));
      return results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    },
  };
}
