import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { rig, smallWorld } from "./setup";

describe("what Chargebee's errors say", () => {
  it("names the kind of object that is not the customer's", async () => {
    const { provider } = rig(smallWorld());
    const subscription = await portalRejection(
      provider.getSubscription({ customerId: "alice", subscriptionId: "sub_bob" }),
    );
    expect(subscription.message).toBe("No subscription sub_bob for this customer");
    const invoice = await portalRejection(provider.invoicePdf({ customerId: "alice", invoiceId: "inv_b1" }));
    expect(invoice.message).toBe("No invoice inv_b1 for this customer");
    const session = await portalRejection(provider.logout({ customerId: "alice", sessionId: "portal_nobody" }));
    expect(session.message).toBe("No portal session portal_nobody for this customer");
  });

  it("names Chargebee when it keeps no cancellation reason", async () => {
    const { provider } = rig(smallWorld());
    const error = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now", reason: "meh" }),
    );
    expect(error.message).toBe("Invalid input at reason: Chargebee keeps no cancellation reason");
  });

  it("never repeats the API key or the webhook password, even when Chargebee's answer does", async () => {
    const apiKey = `plainkey${crypto.randomUUID().replace(/-/g, "")}`;
    const password = `hookpw${crypto.randomUUID().replace(/-/g, "")}`;
    const { provider, sim } = rig(smallWorld(), {
      apiKey,
      webhookAuth: { username: "hooks", password },
      retry: { maxAttempts: 1 },
    });
    sim.inject({
      method: "GET",
      path: "/api/v2/invoices",
      fault: {
        type: "corrupt",
        corrupt: () =>
          Response.json(
            {
              message: `key ${apiKey} and password ${password} are not valid here`,
              type: "invalid_request",
              api_error_code: "invalid_request",
              http_status_code: 400,
            },
            { status: 400 },
          ),
      },
    });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error.code).toBe("invalid_request");
    const text = JSON.stringify(error.toJSON());
    expect(text).toContain("are not valid here");
    expect(text).not.toContain(apiKey);
    expect(text).not.toContain(password);
  });
});

describe("a hosted page without an expiry", () => {
  it("launches without an expiresAt field", async () => {
    const { provider, sim } = rig(smallWorld());
    sim.inject({
      method: "POST",
      path: "/api/v2/hosted_pages/manage_payment_sources",
      fault: {
        type: "corrupt",
        corrupt: async (real) => {
          const body = (await real.json()) as { hosted_page: Record<string, unknown> };
          delete body.hosted_page.expires_at;
          return Response.json(body, { status: real.status });
        },
      },
    });
    const launch = await provider.paymentMethodLaunch({ customerId: "alice" });
    expect("expiresAt" in launch).toBe(false);
  });
});
