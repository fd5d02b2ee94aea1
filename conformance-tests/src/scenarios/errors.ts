import type { PortalErrorCode, PortalProvider } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { expectNoSecrets, expectPortalError, type Scenario } from "../scenario-kit";
import { ALICE, SUBSCRIPTIONS } from "../world";

interface InvalidCall {
  label: string;
  call: (provider: PortalProvider) => Promise<unknown>;
  /** The dotted path the error must name; null when the input is not an object at all. */
  field: string | null;
  requires?: keyof PortalProvider["capabilities"];
}

// Inputs arrive from applications that may not use TypeScript, so each case passes what
// the types forbid.
const bad = <T>(value: unknown): T => value as T;

export const INVALID_CALLS: readonly InvalidCall[] = [
  {
    label: "createSession with an empty customerId",
    field: "customerId",
    call: (p) => p.createSession({ customerId: "" }),
  },
  {
    label: "createSession with a javascript: returnUrl",
    field: "returnUrl",
    call: (p) => p.createSession({ customerId: ALICE, returnUrl: "javascript:alert(1)" }),
  },
  {
    label: "openPortal with a path in customerId",
    field: "customerId",
    call: (p) => p.openPortal({ customerId: "../cus_bob" }),
  },
  {
    label: "openSection with an unknown section",
    field: "section",
    call: (p) => p.openSection({ customerId: ALICE, section: bad("billing") }),
  },
  {
    label: "listInvoices with limit 101",
    field: "limit",
    call: (p) => p.listInvoices({ customerId: ALICE, limit: 101 }),
  },
  { label: "listInvoices with limit 0", field: "limit", call: (p) => p.listInvoices({ customerId: ALICE, limit: 0 }) },
  {
    label: "listInvoices with an unknown status",
    field: "status.0",
    call: (p) => p.listInvoices({ customerId: ALICE, status: [bad("refunded")] }),
  },
  {
    label: "listInvoices with a misspelt option",
    field: "subscriptionID",
    call: (p) => p.listInvoices(bad({ customerId: ALICE, subscriptionID: SUBSCRIPTIONS.aliceMain })),
  },
  { label: "listInvoices with no input", field: null, call: (p) => p.listInvoices(bad(null)) },
  {
    label: "cancel with an unknown mode",
    field: "when",
    call: (p) => p.cancel({ customerId: ALICE, subscriptionId: SUBSCRIPTIONS.aliceMain, when: bad("tomorrow") }),
  },
  {
    label: "cancel without a subscriptionId",
    field: "subscriptionId",
    call: (p) => p.cancel(bad({ customerId: ALICE, when: "now" })),
  },
  {
    label: "getSubscription with a dot-only subscriptionId",
    field: "subscriptionId",
    requires: "getSubscription",
    call: (p) => p.getSubscription!({ customerId: ALICE, subscriptionId: ".." }),
  },
  {
    label: "reactivate without a subscriptionId",
    field: "subscriptionId",
    requires: "reactivate",
    call: (p) => p.reactivate!(bad({ customerId: ALICE })),
  },
  {
    label: "invoicePdf with an empty invoiceId",
    field: "invoiceId",
    requires: "invoicePdf",
    call: (p) => p.invoicePdf!({ customerId: ALICE, invoiceId: "" }),
  },
  {
    label: "updateAddress with an unknown kind",
    field: "kind",
    requires: "updateAddress",
    call: (p) => p.updateAddress!({ customerId: ALICE, kind: bad("home"), address: { line1: "1 Main Street" } }),
  },
  {
    label: "paymentMethodLaunch with an ftp returnUrl",
    field: "returnUrl",
    requires: "paymentMethodLaunch",
    call: (p) => p.paymentMethodLaunch!({ customerId: ALICE, returnUrl: "ftp://example.com/" }),
  },
  {
    label: "logout with an empty sessionId",
    field: "sessionId",
    requires: "logout",
    call: (p) => p.logout!({ customerId: ALICE, sessionId: "" }),
  },
];

export const VENDOR_STATUSES: ReadonlyArray<[number, PortalErrorCode]> = [
  [400, "invalid_request"],
  [401, "unauthenticated"],
  [402, "payment_failed"],
  [403, "forbidden"],
  [404, "not_found"],
  [409, "conflict"],
];

export function errorScenarios(scenario: Scenario): void {
  const { capabilities: caps } = scenario;
  const calls = INVALID_CALLS.filter((c) => c.requires === undefined || caps[c.requires] === true);

  describe("errors", () => {
    it.each(calls.map((c) => [c.label, c] as const))("%s is invalid_input and sends no request", async (_, c) => {
      const ctx = await scenario.open(scenario.world());
      await expectPortalError(() => c.call(ctx.provider), {
        code: "invalid_input",
        retryable: false,
        ...(c.field === null ? {} : { field: c.field }),
      });
      expect(ctx.requests, "requests sent").toEqual([]);
    });

    it.each(VENDOR_STATUSES)(
      "a vendor HTTP %i becomes %s, is not retried and holds no credential",
      async (status, code) => {
        const ctx = await scenario.open(scenario.world());
        ctx.inject({ operation: "listInvoices", fault: { type: "status", status } });
        const error = await expectPortalError(() => ctx.provider.listInvoices({ customerId: ALICE }), {
          code,
          retryable: false,
        });
        if (error.status !== undefined) expect(error.status).toBe(status);
        expect(ctx.requests.length, "requests sent").toBe(1);
        expectNoSecrets(ctx, error);
      },
    );

    it("a vendor parameter error is invalid_request naming the field", async (test) => {
      const ctx = await scenario.open(scenario.world());
      if (!ctx.injectParamError) {
        test.skip("the harness has no injectParamError");
        return;
      }
      const { field } = ctx.injectParamError("cancel");
      const error = await expectPortalError(
        () =>
          ctx.provider.cancel({
            customerId: ALICE,
            subscriptionId: SUBSCRIPTIONS.aliceMain,
            when: caps.cancelModes[0]!,
          }),
        { code: "invalid_request", field, retryable: false },
      );
      expectNoSecrets(ctx, error);
      expect((await ctx.readSubscription(SUBSCRIPTIONS.aliceMain))?.status).toBe("active");
    });
  });
}
