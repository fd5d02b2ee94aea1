import { type OversizedBodyServer, portalRejection, serveOversizedBody } from "@portalkit/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryProvider } from "../src/index";

const LIMIT = 64 * 1024;
// Far past the limit and past what loopback socket buffers hold, so an early stop shows.
const TOTAL = 64 * 1024 * 1024;

let server: OversizedBodyServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function providerOn(mode: "chunked" | "declared") {
  server = await serveOversizedBody({ totalBytes: TOTAL, mode });
  return createMemoryProvider({
    apiKey: "mem_key_response_limit_secret",
    baseUrl: server.url,
    maxResponseBytes: LIMIT,
    timeoutMs: 20_000,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 },
  });
}

describe("a response body over maxResponseBytes", () => {
  it("stops reading a streamed body past the limit and fails unavailable", async () => {
    const provider = await providerOn("chunked");
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: false, provider: "memory" });
    expect(error.message).toContain(`${LIMIT}-byte limit`);
    expect(error.message).not.toContain("mem_key_response_limit_secret");
    const closed = await server?.closed();
    expect(closed?.complete).toBe(false);
    expect(server?.written).toBeLessThan(TOTAL);
    expect(server?.requests).toBe(1);
  });

  it("refuses a Content-Length over the limit before reading", async () => {
    const provider = await providerOn("declared");
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", retryable: false });
    expect(error.message).toContain(`${LIMIT}-byte limit`);
    expect((await server?.closed())?.complete).toBe(false);
    expect(server?.written).toBeLessThan(TOTAL);
    expect(server?.requests).toBe(1);
  });
});
