import { describe } from "vitest";
import type { ConformanceHarness } from "./harness";
import { CONFORMANCE_SETUP, createScenario } from "./scenario-kit";
import { cancelScenarios } from "./scenarios/cancel";
import { cancelEscalationScenarios } from "./scenarios/cancel-escalation";
import { capabilityScenarios } from "./scenarios/capabilities";
import { errorScenarios } from "./scenarios/errors";
import { faultScenarios } from "./scenarios/faults";
import { foreignInvoiceScenarios } from "./scenarios/foreign-invoices";
import { invoiceDateScenarios } from "./scenarios/invoice-dates";
import { invoiceScenarios } from "./scenarios/invoices";
import { launchScenarios } from "./scenarios/launches";
import { optionalOperationScenarios } from "./scenarios/optional-operations";
import { ownershipScenarios } from "./scenarios/ownership";
import { ownershipReadFailureScenarios } from "./scenarios/ownership-read-failures";
import { readScenarios } from "./scenarios/reads";
import { retryBudgetScenarios } from "./scenarios/retry-budget";
import { returnUrlScenarios } from "./scenarios/return-url";
import { secretLifetimeScenarios } from "./scenarios/secret-lifetime";
import { sessionScenarios } from "./scenarios/sessions";
import { webhookScenarios } from "./scenarios/webhooks";

/**
 * Registers the conformance suite for one adapter with vitest. Call it at the top level of
 * a test file. Scenarios for optional operations and sections run when the provider's
 * capability manifest claims them and show as skipped otherwise.
 */
export function describeConformance(harness: ConformanceHarness): void {
  describe(`conformance: ${harness.name}`, async () => {
    // The manifest decides which scenarios apply, so read it once while collecting.
    const probe = await harness.setup(CONFORMANCE_SETUP);
    const { capabilities, id } = probe.provider;
    await probe.close();
    const scenario = createScenario(harness, capabilities, id);

    capabilityScenarios(scenario);
    sessionScenarios(scenario);
    launchScenarios(scenario);
    invoiceScenarios(scenario);
    cancelScenarios(scenario);
    optionalOperationScenarios(scenario);
    readScenarios(scenario);
    ownershipScenarios(scenario);
    errorScenarios(scenario);
    faultScenarios(scenario);
    foreignInvoiceScenarios(scenario);
    invoiceDateScenarios(scenario);
    cancelEscalationScenarios(scenario);
    ownershipReadFailureScenarios(scenario);
    retryBudgetScenarios(scenario);
    returnUrlScenarios(scenario);
    webhookScenarios(scenario);
    secretLifetimeScenarios(scenario);
  });
}
