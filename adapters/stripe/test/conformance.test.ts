import { describeConformance, mountOnMsw } from "@portalkit/conformance";
import { createStripeHarness } from "../src/testing";

describeConformance(createStripeHarness({ mount: mountOnMsw }));
