import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PortalProvider } from "@portalkit/core";
import { type LoopbackServer, serveOnLoopback } from "@portalkit/core/testing";
import { type PreparedMigration, prepareMigration } from "../src/prepare-migration";
import { chargebeeProvider, paddleProvider, stripeProvider } from "../src/providers";
import { createSimulators, type Simulators } from "../src/simulators";

/** Holds matching requests to a simulator until released. */
export interface Gate {
  /** Resolves when the first held request has arrived. */
  readonly arrived: Promise<void>;
  readonly held: number;
  release(): void;
}

export interface RunningMigration extends Simulators, PreparedMigration {
  chargebeeUrl: string;
  stripeUrl: string;
  /** The adapters, each on its simulator over loopback. */
  cb: PortalProvider;
  st: PortalProvider;
  pd: PortalProvider;
  /** Starts holding Stripe requests whose path matches. */
  holdStripe(path: RegExp): Gate;
  close(): Promise<void>;
}

/** The example's migration, with both simulators served on loopback and data in a temp dir. */
export async function startMigration(options: { damage?: { invoice: string } | null } = {}): Promise<RunningMigration> {
  const dataDir = await mkdtemp(join(tmpdir(), "portalkit-migration-"));
  const simulators = createSimulators();
  const prepared = await prepareMigration({ simulators, dataDir, ...options });
  let gate: { path: RegExp; opened: Promise<void>; arrive: () => void; count: number } | undefined;
  const servers: LoopbackServer[] = await Promise.all([
    simulators.chargebee.listen(),
    serveOnLoopback(async (request) => {
      const current = gate;
      if (current?.path.test(new URL(request.url).pathname)) {
        current.count++;
        current.arrive();
        await current.opened;
      }
      return simulators.stripe.handle(request);
    }),
    simulators.paddle.listen(),
  ]);
  const [chargebeeServer, stripeServer, paddleServer] = servers as [LoopbackServer, LoopbackServer, LoopbackServer];
  return {
    ...simulators,
    ...prepared,
    chargebeeUrl: chargebeeServer.url,
    stripeUrl: stripeServer.url,
    cb: chargebeeProvider(chargebeeServer.url),
    st: stripeProvider(stripeServer.url),
    pd: paddleProvider(paddleServer.url),
    holdStripe(path) {
      let open!: () => void;
      let arrive!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const state = { path, opened, arrive, count: 0 };
      gate = state;
      return {
        arrived,
        get held() {
          return state.count;
        },
        release() {
          if (gate === state) gate = undefined;
          open();
        },
      };
    },
    async close() {
      gate?.arrive();
      await Promise.all(servers.map((server) => server.close()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
