import { randomUUID } from "node:crypto";
import type { PortalSession } from "@portalkit/core";
import type { BillflowSettings } from "./launch";

/** Billflow keeps no server-side session: the signed settings are the session, the hash its token. */
export function normalizeSession(settings: BillflowSettings, customerId: string, provider: string): PortalSession {
  return {
    id: `bfs_${randomUUID()}`,
    provider,
    customerId,
    token: settings.hash,
    createdAt: new Date().toISOString(),
    raw: { ...settings },
  };
}
