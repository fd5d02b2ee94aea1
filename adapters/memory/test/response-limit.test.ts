import { describeResponseLimit } from "@portalkit/conformance";
import { createMemoryProvider } from "../src/index";

const SECRET = "mem_key_response_limit_secret";

describeResponseLimit({
  provider: "memory",
  secret: SECRET,
  customerId: "alice",
  build: (baseUrl, maxResponseBytes) =>
    createMemoryProvider({
      apiKey: SECRET,
      baseUrl,
      maxResponseBytes,
      timeoutMs: 20_000,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 },
    }),
});
