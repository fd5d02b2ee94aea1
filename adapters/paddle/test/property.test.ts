// Whatever the input and whatever Paddle answers: schema-valid output or a PortalError, no
// request for invalid input, no unhandled rejection.
import { describeProperties } from "@portalkit/conformance/properties";
import { createPaddleHarness } from "../src/testing";

describeProperties(createPaddleHarness({ transport: "msw" }));
