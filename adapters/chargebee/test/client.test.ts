import { mountOnMsw } from "@portalkit/conformance";
import { describe, expect, it, onTestFinished } from "vitest";
import { createChargebeeProvider } from "../src/index";
import { createChargebeeSimulator } from "../src/testing/index";
import { smallWorld } from "./setup";

/** A simulator answering at `origin`, and a provider pointed at `apiBaseUrl`. */
function at(origin: string, apiBaseUrl: string) {
  const apiKey = "test_key_client_base_url";
  const sim = createChargebeeSimulator({ site: "acme-test", apiKey });
  sim.seed(smallWorld());
  onTestFinished(mountOnMsw(origin, (request) => sim.handle(request)));
  const provider = createChargebeeProvider({ site: "acme-test", apiKey, apiBaseUrl, retry: { maxAttempts: 1 } });
  return { sim, provider };
}

describe("where the provider sends its requests", () => {
  it.each([
    ["http://cb-proxy.example", "http://cb-proxy.example"],
    ["http://cb-proxy.example:8080", "http://cb-proxy.example:8080"],
    ["https://cb-proxy.example", "https://cb-proxy.example"],
    ["https://cb-proxy.example:8443", "https://cb-proxy.example:8443"],
  ])("to apiBaseUrl %s, on its scheme and port", async (origin, apiBaseUrl) => {
    const { provider, sim } = at(origin, apiBaseUrl);
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data).toHaveLength(4);
    expect(sim.requests).toHaveLength(1);
  });
});
