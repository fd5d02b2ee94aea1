import { type LoopbackServer, serveOnLoopback } from "@portalkit/core/testing";
import { createMemoryBackend, type MemoryBackend } from "@portalkit/memory/testing";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { migratedWorld, sourceWorld } from "./support";

export interface LoopbackMigration {
  from: MemoryBackend;
  to: MemoryBackend;
  fromUrl: string;
  toUrl: string;
}

/**
 * Serves a "from" and a "to" memory backend on loopback for the whole test file (config
 * modules are loaded once and keep their URL), with fresh backends before each test.
 */
export function useLoopbackMigration(): LoopbackMigration {
  const state = {} as LoopbackMigration;
  let servers: LoopbackServer[] = [];
  beforeEach(() => {
    state.from = createMemoryBackend({ world: sourceWorld() });
    state.to = createMemoryBackend({ world: migratedWorld() });
  });
  beforeAll(async () => {
    servers = await Promise.all([
      serveOnLoopback((request) => state.from.fetch(request)),
      serveOnLoopback((request) => state.to.fetch(request)),
    ]);
    state.fromUrl = servers[0]?.url ?? "";
    state.toUrl = servers[1]?.url ?? "";
    process.env.PORTALKIT_TEST_FROM_URL = state.fromUrl;
    process.env.PORTALKIT_TEST_TO_URL = state.toUrl;
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  return state;
}

/** Breaks one migrated invoice of alice's: the amount came across without its last digit. */
export function breakOneInvoice(migration: LoopbackMigration): string {
  const invoice = [...migration.to.state.invoices.values()].find((i) => i.customer_id === "cus_A");
  if (!invoice) throw new Error("alice has no migrated invoice");
  invoice.total = Math.floor(invoice.total / 10);
  invoice.amount_paid = invoice.total;
  return invoice.number;
}
