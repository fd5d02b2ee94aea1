import { describeConformance } from "@portalkit/conformance";
import { createPaddleHarness } from "../src/testing";

// The simulator on a loopback node:http server, reached through the SDK's fetch with the
// server's address as its `environment` (no MSW in this file).
describeConformance(createPaddleHarness({ transport: "loopback" }));
