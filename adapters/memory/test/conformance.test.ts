import { describeConformance } from "@portalkit/conformance";
import { createMemoryHarness, memoryHarness } from "@portalkit/memory/testing";

describeConformance(memoryHarness);

// The same adapter opening only some sections directly, so that the suite's
// "unsupported, and the whole portal with fallback" path runs too.
describeConformance(
  createMemoryHarness({
    name: "memory (three sections)",
    sections: ["subscription_details", "billing_history", "payment_sources"],
  }),
);
