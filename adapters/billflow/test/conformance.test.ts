import { describeConformance } from "@portalkit/conformance";
import { createBillflowHarness } from "../src/testing";

describeConformance(createBillflowHarness({ transport: "msw" }));
