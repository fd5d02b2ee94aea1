// Whatever the input and whatever the billing API answers: schema-valid output or a
// PortalError, no request for invalid input, no unhandled rejection.
import { describeProperties } from "@portalkit/conformance/properties";
import { memoryHarness } from "@portalkit/memory/testing";

describeProperties(memoryHarness);
