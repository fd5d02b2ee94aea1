import { describeConformance } from "@portalkit/conformance";
import { createPaddleHarness } from "../src/testing";

describeConformance(createPaddleHarness({ transport: "msw" }));
