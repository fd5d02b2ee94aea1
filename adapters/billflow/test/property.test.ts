// Whatever the input and whatever Stripe (behind Billflow) answers: schema-valid output or
// a PortalError, no request for invalid input, no unhandled rejection.
import { describeProperties } from "@portalkit/conformance/properties";
import { createBillflowHarness } from "../src/testing";

describeProperties(createBillflowHarness({ transport: "msw" }));
