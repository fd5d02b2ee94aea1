import { type ChargebeeSimulator, createChargebeeSimulator } from "@portalkit/chargebee/testing";
import type { LoopbackServer, World } from "@portalkit/core/testing";
import { createPaddleSimulator, type PaddleSimulator } from "@portalkit/paddle/testing";
import { createStripeSimulator, type StripeSimulator, serveStripeSimulator } from "@portalkit/stripe/testing";

export interface RunningSimulators {
  chargebee: ChargebeeSimulator;
  chargebeeServer: LoopbackServer;
  stripe: StripeSimulator;
  stripeServer: LoopbackServer;
  paddle: PaddleSimulator;
  paddleServer: LoopbackServer;
  close(): Promise<void>;
}

/** The Chargebee, Stripe and Paddle API simulators, seeded with one World, each on a loopback port. */
export async function startSimulators(world: World): Promise<RunningSimulators> {
  const chargebee = createChargebeeSimulator({ site: "acme-demo-test" });
  chargebee.seed(world);
  const stripe = createStripeSimulator();
  stripe.seed(world);
  const paddle = createPaddleSimulator();
  paddle.seed(world);
  const chargebeeServer = await chargebee.listen();
  const stripeServer = await serveStripeSimulator(stripe).catch(async (error: unknown) => {
    await chargebeeServer.close();
    throw error;
  });
  const paddleServer = await paddle.listen().catch(async (error: unknown) => {
    await Promise.all([chargebeeServer.close(), stripeServer.close()]);
    throw error;
  });
  return {
    chargebee,
    chargebeeServer,
    stripe,
    stripeServer,
    paddle,
    paddleServer,
    close: async () => {
      await Promise.all([chargebeeServer.close(), stripeServer.close(), paddleServer.close()]);
    },
  };
}
