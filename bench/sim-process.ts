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

async function serve(vendor: Vendor): Promise<Served> {
  if (vendor === "chargebee" || vendor === "paddle") {
    const sim =
      vendor === "paddle"
        ? createPaddleSimulator({ apiKey: PADDLE_API_KEY })
        : createChargebeeSimulator({ site: CHARGEBEE_SITE, apiKey: CHARGEBEE_API_KEY });
    const server = await sim.listen();
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
  const sim = createStripeSimulator({ secretKey: STRIPE_SECRET_KEY });
  const server = await serveStripeSimulator(sim);
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

const vendor = process.argv[2] as Vendor;
const served = await serve(vendor);
const send = (message: SimMessage) => process.send?.(message);

process.on("message", (command: SimCommand) => {
  switch (command.type) {
    case "seed":
      served.seed(command.customerId, command.count);
      served.clear();
      send({ type: "done", id: command.id });
      return;
    case "requests":
      send({ type: "done", id: command.id, requests: served.requests });
      return;
    case "clear":
      served.clear();
      send({ type: "done", id: command.id });
      return;
  }
});
process.on("disconnect", () => {
  void served.server.close().finally(() => process.exit(0));
});
send({ type: "ready", port: served.server.port, url: served.server.url });
