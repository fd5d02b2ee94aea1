import { asSent, portal } from "../../../../lib/portal";

// @portalkit/server's fetch-standard handler serves every /api/portal/* route:
// POST /launch, GET /customer, /subscriptions, /invoices, POST /subscriptions/:id/cancel, ...
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const { handler } = await portal();
  return handler(asSent(request));
}

export { handle as GET, handle as HEAD, handle as POST };
