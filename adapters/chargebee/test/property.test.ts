// Whatever the input and whatever Chargebee answers: schema-valid output or a PortalError,
// no request for invalid input, no unhandled rejection.
import { describeProperties } from "@portalkit/conformance/properties";
import { chargebeeHarness } from "../src/testing/index";

describeProperties(chargebeeHarness);
