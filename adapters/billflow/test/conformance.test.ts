import { describeConformance, mountOnMsw } from "@portalkit/conformance";
import { createBillflowHarness } from "../src/testing";

describeConformance(createBillflowHarness({ mount: mountOnMsw }));
