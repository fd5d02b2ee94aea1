import { describeConformance } from "@portalkit/conformance";
import { createStripeHarness } from "../src/testing";

// The harness as `portalkit conformance` loads it: the simulator on a loopback node:http
// server, reached through the SDK's real node:http transport (no MSW in this file).
describeConformance(createStripeHarness({ transport: "loopback" }));
