import type { PortalProvider } from "@portalkit/core";
import { type OversizedBodyServer, portalRejection, serveOversizedBody } from "@portalkit/core/testing";
import { afterEach, describe, expect, it } from "vitest";

/** An adapter whose vendor answers are read bounded (`maxResponseBytes`). */
export interface ResponseLimitCase {
  /** The provider id the error names. */
  provider: string;
  /** The API key `build` gives the provider: it must never reach the error. */
  secret: string;
  /** A customer to list invoices for. */
  customerId: string;
  /** The provider against `baseUrl`, reading at most `maxResponseBytes` of an answer. */
  build(baseUrl: string, maxResponseBytes: number): PortalProvider;
}

const LIMIT = 64 * 1024;
// Far past the limit and past what loopback socket buffers hold, so an early stop shows.
const TOTAL = 64 * 1024 * 1024;

/**
 * The vendor answers a body far over the limit, streamed or declared: reading stops early,
 * and the call fails `unavailable` once, naming the limit and not the key.
 */
export function describeResponseLimit(limitCase: ResponseLimitCase): void {
  describe("a response body over maxResponseBytes", () => {
    let server: OversizedBodyServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    async function providerOn(mode: "chunked" | "declared"): Promise<PortalProvider> {
      server = await serveOversizedBody({ totalBytes: TOTAL, mode });
      return limitCase.build(server.url, LIMIT);
    }

    it("stops reading a streamed body past the limit and fails unavailable", async () => {
      const provider = await providerOn("chunked");
      const error = await portalRejection(provider.listInvoices({ customerId: limitCase.customerId }));
      expect(error).toMatchObject({ code: "unavailable", retryable: false, provider: limitCase.provider });
      expect(error.message).toContain(`${LIMIT}-byte limit`);
      expect(error.message).not.toContain(limitCase.secret);
      const closed = await server?.closed();
      expect(closed?.complete).toBe(false);
      expect(server?.written).toBeLessThan(TOTAL);
      expect(server?.requests).toBe(1);
    });

    it("refuses a Content-Length over the limit before reading", async () => {
      const provider = await providerOn("declared");
      const error = await portalRejection(provider.listInvoices({ customerId: limitCase.customerId }));
      expect(error).toMatchObject({ code: "unavailable", retryable: false });
      expect(error.message).toContain(`${LIMIT}-byte limit`);
      expect((await server?.closed())?.complete).toBe(false);
      expect(server?.written).toBeLessThan(TOTAL);
      expect(server?.requests).toBe(1);
    });
  });
}
