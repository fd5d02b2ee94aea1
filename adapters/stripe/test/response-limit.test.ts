import { describeResponseLimit } from "@portalkit/conformance";
import { createStripeProvider } from "../src/index";

const SECRET = "sk_test_response_limit_secret";

describeResponseLimit({
  provider: "stripe",
  secret: SECRET,
  customerId: "cus_alice",
  build: (baseUrl, maxResponseBytes) =>
    createStripeProvider({
      secretKey: SECRET,
      apiBase: baseUrl,
      returnUrl: "https://app.example.com/account",
      maxResponseBytes,
      timeoutMs: 20_000,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 10 },
    }),
});
