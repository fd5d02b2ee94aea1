// A simulator in its own process, so that the process measured does not share its CPU
// time with the server answering it. Controlled over IPC by bench/run.ts.
import { createChargebeeSimulator } from "@portalkit/chargebee/testing";
import type { LoopbackServer } from "@portalkit/core/testing";
import { createPaddleSimulator } from "@portalkit/paddle/testing";
import { createStripeSimulator, serveStripeSimulator } from "@portalkit/stripe/testing";
import {
  CHARGEBEE_API_KEY,
  CHARGEBEE_SITE,
  customerWorld,
  PADDLE_API_KEY,
  STRIPE_SECRET_KEY,
  type Vendor,
} from "./vendors";

export type SimCommand =
  | { id: number; type: "seed"; customerId: string; count: number }
  | { id: number; type: "requests" }
  | { id: number; type: "clear" };

export type SimMessage = { type: "ready"; port: number; url: string } | { type: "done"; id: number; requests?: number };

interface Served {
  seed(customerId: string, count: number): void;
  readonly requests: number;
  clear(): void;
  server: LoopbackServer;
}

/** What the bench needs of every vendor's simulator. */
interface Simulator {
  reset(): void;
  seed(world: ReturnType<typeof customerWorld>): void;
  readonly requests: readonly unknown[];
  clearRequests(): void;
}

function served(sim: Simulator, server: LoopbackServer): Served {
  return {
    seed: (customerId, count) => {
      sim.reset();
      sim.seed(customerWorld(customerId, count));
    },
    get requests() {
      return sim.requests.length;
    },
    clear: () => sim.clearRequests(),
    server,
  };
}

async function serve(vendor: Vendor): Promise<Served> {
  if (vendor === "paddle") {
    const sim = createPaddleSimulator({ apiKey: PADDLE_API_KEY });
    return served(sim, await sim.listen());
  }
  if (vendor === "chargebee") {
    const sim = createChargebeeSimulator({ site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY });
    return served(sim, await sim.listen());
  }
  const sim = createStripeSimulator({ secretKey: STRIPE_SECRET_KEY });
  return served(sim, await serveStripeSimulator(sim));
}

const vendor = process.argv[2] as Vendor;
const simulator = await serve(vendor);
const send = (message: SimMessage) => process.send?.(message);

process.on("message", (command: SimCommand) => {
  switch (command.type) {
    case "seed":
      simulator.seed(command.customerId, command.count);
      simulator.clear();
      send({ type: "done", id: command.id });
      return;
    case "requests":
      send({ type: "done", id: command.id, requests: simulator.requests });
      return;
    case "clear":
      simulator.clear();
      send({ type: "done", id: command.id });
      return;
  }
});
process.on("disconnect", () => {
  void simulator.server.close().finally(() => process.exit(0));
});
send({ type: "ready", port: simulator.server.port, url: simulator.server.url });
