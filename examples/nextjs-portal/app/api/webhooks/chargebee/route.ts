import { portal } from "../../../../lib/portal";

// Where Chargebee delivers billing events (Settings > Webhooks, with the Basic credentials
// of lib/portal.ts). The body reaches createWebhookHandler unparsed.
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const { webhooks } = await portal();
  return webhooks(request);
}
