import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import { rig, smallWorld } from "./setup";

const LIST = { method: "GET", path: "/api/v2/invoices" } as const;

describe("how the HTTP layer reads Chargebee's answers", () => {
  it("reads a success as JSON whatever its content type says", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 1 } });
    sim.inject({
      ...LIST,
      fault: {
        type: "corrupt",
        corrupt: async (real) =>
          new Response(await real.text(), { status: 200, headers: { "content-type": "text/plain" } }),
      },
    });
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data).toHaveLength(4);
  });

  it("keeps the real status of a 3xx page that is not JSON", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 1 } });
    sim.inject({
      ...LIST,
      fault: {
        type: "corrupt",
        corrupt: () => new Response("<html>moved</html>", { status: 300, headers: { "content-type": "text/html" } }),
      },
    });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", status: 300, retryable: true });
    expect(error.message).toBe("Chargebee answered HTTP 300 without a JSON error body");
  });

  it("reads an error body without a content type as a page, not as Chargebee's JSON", async () => {
    const { provider, sim } = rig(smallWorld(), { retry: { maxAttempts: 1 } });
    sim.inject({
      ...LIST,
      fault: {
        type: "corrupt",
        corrupt: () => {
          const response = new Response('{"api_error_code":"resource_not_found","http_status_code":404}', {
            status: 404,
          });
          response.headers.delete("content-type");
          return response;
        },
      },
    });
    const error = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(error).toMatchObject({ code: "unavailable", status: 404, retryable: true });
  });

  it("names the timeout it waited for, and the connection it lost", async () => {
    const { provider, sim } = rig(smallWorld(), { timeoutMs: 50, retry: { maxAttempts: 1 } });
    sim.inject({ ...LIST, fault: { type: "delay", ms: 400 } });
    const slow = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(slow).toMatchObject({ code: "timeout", message: "Chargebee did not answer within 50 ms" });
    sim.inject({ ...LIST, fault: { type: "reset" } });
    const reset = await portalRejection(provider.listInvoices({ customerId: "alice" }));
    expect(reset).toMatchObject({
      code: "unavailable",
      message: "Could not reach Chargebee (the connection failed or was reset)",
    });
  });
});
