import { describeConformance } from "@portalkit/conformance";
import { createStripeHarness } from "../src/testing";

describeConformance(createStripeHarness({ transport: "msw" }));
