// The property suite with the simulator on loopback, through the SDK's own fetch (no MSW in this file).
import { describeProperties } from "@portalkit/conformance/properties";
import { createPaddleHarness } from "../src/testing";

describeProperties(createPaddleHarness({ transport: "loopback" }));
