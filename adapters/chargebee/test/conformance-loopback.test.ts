import { describeConformance } from "@portalkit/conformance";
import { ALICE, conformanceWorld, SUBSCRIPTIONS } from "@portalkit/conformance/world";
import { PortalError } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { createChargebeeHarness } from "../src/testing/index";

// The suite again with the simulator served over node:http on 127.0.0.1, as the example app
// and the benches use it. Its own file: once MSW listens in a process, it intercepts loopback too.
describeConformance(createChargebeeHarness({ transport: "loopback" }));

describe("an HTTP redirect where the API should answer (a misconfigured proxy)", () => {
  it.each([301, 303, 307])("%i becomes a typed error after the bounded attempts", async (status) => {
    const harness = createChargebeeHarness({ transport: "loopback" });
    const ctx = await harness.setup({ retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 }, timeoutMs: 2_000 });
    try {
      await ctx.seed(conformanceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses }));
      ctx.clearRequests();
      ctx.inject({
        fault: {
          type: "corrupt",
          corrupt: () => new Response("<html>moved</html>", { status, headers: { "content-type": "text/html" } }),
        },
        times: Number.MAX_SAFE_INTEGER,
      });
      const error = await ctx.provider
        .getSubscription?.({ customerId: ALICE, subscriptionId: SUBSCRIPTIONS.aliceMain })
        .catch((e: unknown) => e);
      expect(PortalError.isInstance(error) && error.code).toBe("unavailable");
      expect(ctx.requests).toHaveLength(2);
    } finally {
      await ctx.close();
    }
  });
});
