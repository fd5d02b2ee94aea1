import { describeConformance } from "@portalkit/conformance";
import { createChargebeeHarness } from "../src/testing/index";

// The suite again with the simulator served over node:http on 127.0.0.1, as the example app
// and the benches use it. Its own file: once MSW listens in a process, it intercepts loopback too.
describeConformance(createChargebeeHarness({ transport: "loopback" }));
