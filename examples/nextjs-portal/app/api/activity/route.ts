import { activityOf } from "../../../lib/activity";
import { customerOf } from "../../../lib/session";

// The signed-in customer's billing events, as the webhook endpoint received them.
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const customerId = customerOf(request.headers.get("cookie"));
  if (!customerId) return Response.json({ error: { code: "unauthenticated", message: "Sign in" } }, { status: 401 });
  return Response.json(activityOf(customerId), { headers: { "cache-control": "no-store" } });
}
