import { describeResponseLimit } from "@portalkit/conformance";
import { createChargebeeProvider } from "../src/index";

const SECRET = "test_key_response_limit_secret";

describeResponseLimit({
  provider: "chargebee",
  secret: SECRET,
  customerId: "alice",
  build: (baseUrl, maxResponseBytes) =>
    createChargebeeProvider({
      site: "acme-test",
      apiKey: SECRET,
      apiBaseUrl: baseUrl,
      maxResponseBytes,
      timeoutMs: 20_000,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 },
    }),
});
