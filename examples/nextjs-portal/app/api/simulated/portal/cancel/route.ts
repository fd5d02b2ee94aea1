import { portal } from "../../../../../lib/portal";
import { customerOf } from "../../../../../lib/session";

// Only on the simulator: what the customer's "Cancel" does inside Chargebee's portal. The
// Chargebee.js stand-in (public/vendor/chargebee.js) calls it; Chargebee changes the
// subscription itself and delivers the event to the app's webhook handler (lib/portal.ts).
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const customerId = customerOf(request.headers.get("cookie"));
  const { subscriptionId } = (await request.json().catch(() => ({}))) as { subscriptionId?: unknown };
  const { simulator } = await portal();
  const subscription = typeof subscriptionId === "string" ? simulator.subscriptions.get(subscriptionId) : undefined;
  if (!customerId || subscription?.customer_id !== customerId) return new Response(null, { status: 404 });
  simulator.cancelFromPortal(subscription.id);
  await simulator.webhooks.settled();
  return new Response(null, { status: 204 });
}
