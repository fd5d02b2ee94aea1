import { describeConformance } from "@portalkit/conformance";
import { chargebeeHarness } from "../src/testing/index";

describeConformance(chargebeeHarness);
