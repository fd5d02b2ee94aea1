import {
  CustomerSchema,
  decodeCursor,
  InvoiceSchema,
  PortalError,
  PortalLaunchSchema,
  PortalSessionSchema,
  SubscriptionSchema,
} from "@portalkit/core";
import { portalRejection } from "@portalkit/core/testing";
import { describe, expect, it } from "vitest";
import {
  CHARGEBEE_SECTION_TYPES,
  ChargebeeJsLaunchSchema,
  ChargebeePortalSessionSchema,
  createChargebeeProvider,
} from "../src/index";
import type { WireSubscription } from "../src/testing/index";
import { rig, smallWorld } from "./setup";

const mutations = <T extends { method: string }>(requests: readonly T[]): T[] =>
  requests.filter((r) => r.method !== "GET");

describe("listInvoices", () => {
  it("filters by customer server-side, skips pending, sorts by date and maps every status", async () => {
    const { provider, sim } = rig(smallWorld());
    const page = await provider.listInvoices({ customerId: "alice" });
    expect(page.data.map((invoice) => [invoice.id, invoice.status])).toEqual([
      ["inv_a1", "paid"],
      ["inv_a2", "open"],
      ["inv_a3", "void"],
      ["inv_a4", "uncollectible"],
    ]);
    for (const invoice of page.data) InvoiceSchema.parse(invoice);
    expect(page.nextCursor).toBeUndefined();
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]?.query).toEqual({
      limit: "100",
      customer_id: { is: "alice" },
      status: { is_not: "pending" },
      sort_by: { desc: "date" },
    });
  });

  it("includes pending invoices when asked, and maps posted as open", async () => {
    const { provider, sim } = rig(smallWorld());
    const posted = sim.invoices.get("inv_a2");
    if (!posted) throw new Error("seeded");
    sim.putInvoice({ ...posted, status: "posted" });
    const page = await provider.listInvoices({ customerId: "alice", includePending: true });
    expect(page.data.map((invoice) => invoice.status)).toEqual(["paid", "open", "void", "uncollectible", "pending"]);
    expect(sim.requests[0]?.query.status).toBeUndefined();
  });

  it("sends portable statuses as Chargebee's status[in]", async () => {
    const { provider, sim } = rig(smallWorld());
    const page = await provider.listInvoices({ customerId: "alice", status: ["open", "void"] });
    expect(page.data.map((invoice) => invoice.id)).toEqual(["inv_a2", "inv_a3"]);
    expect(sim.requests[0]?.query.status).toEqual({ in: '["posted","payment_due","voided"]' });
  });

  it("answers no invoices for draft, without asking Chargebee", async () => {
    const { provider, sim } = rig(smallWorld());
    expect(await provider.listInvoices({ customerId: "alice", status: ["draft"] })).toEqual({ data: [] });
    expect(sim.requests).toHaveLength(0);
  });

  it("normalizes money in minor units with an upper-case currency and ISO dates", async () => {
    const world = smallWorld();
    const { provider } = rig(world);
    const [invoice] = (await provider.listInvoices({ customerId: "alice", limit: 1 })).data;
    const seeded = world.invoices[0];
    expect(invoice).toMatchObject({
      id: "inv_a1",
      number: "inv_a1",
      customerId: "alice",
      subscriptionId: "sub_alice",
      total: { amount: 3000, currency: "USD" },
      amountPaid: { amount: 3000, currency: "USD" },
      amountDue: { amount: 0, currency: "USD" },
      issuedAt: seeded?.issuedAt,
    });
    expect(invoice?.raw).toMatchObject({ object: "invoice", currency_code: "USD", status: "paid" });
  });

  it("wraps next_offset in an opaque cursor bound to the customer", async () => {
    const { provider, sim } = rig(smallWorld());
    const first = await provider.listInvoices({ customerId: "alice", limit: 3 });
    expect(first.data).toHaveLength(3);
    const cursor = first.nextCursor;
    if (!cursor) throw new Error("a second page");
    expect(cursor).not.toContain("inv_");
    const offset = decodeCursor("chargebee", "alice", cursor);
    const second = await provider.listInvoices({ customerId: "alice", limit: 3, cursor });
    expect(second.data.map((invoice) => invoice.id)).toEqual(["inv_a4"]);
    expect(second.nextCursor).toBeUndefined();
    expect(sim.requests[1]?.query.offset).toBe(offset);

    const error = await portalRejection(provider.listInvoices({ customerId: "bob", cursor }));
    expect(error).toMatchObject({ code: "invalid_input", field: "cursor" });
    expect(sim.requests).toHaveLength(2);
  });
});

describe("subscriptions", () => {
  function withStatus(sim: ReturnType<typeof rig>["sim"], id: string, patch: Partial<WireSubscription>) {
    const current = sim.subscriptions.get("sub_alice");
    if (!current) throw new Error("seeded");
    sim.subscriptions.put({ ...structuredClone(current), id, ...patch });
  }

  it("maps every Chargebee status", async () => {
    const { provider, sim } = rig(smallWorld());
    const cases: Array<[Partial<WireSubscription>, string]> = [
      [{ status: "future" }, "incomplete"],
      [{ status: "in_trial" }, "trialing"],
      [{ status: "active" }, "active"],
      [{ status: "active", due_invoices_count: 2 }, "past_due"],
      [{ status: "non_renewing", cancelled_at: 1_900_000_000 }, "cancel_scheduled"],
      [{ status: "paused" }, "paused"],
      [{ status: "cancelled", cancelled_at: 1_700_000_000 }, "canceled"],
      [{ status: "transferred" }, "canceled"],
    ];
    for (const [index, [patch, expected]] of cases.entries()) {
      withStatus(sim, `sub_case_${index}`, patch);
      const subscription = SubscriptionSchema.parse(
        await provider.getSubscription({ customerId: "alice", subscriptionId: `sub_case_${index}` }),
      );
      expect(subscription.status, String(patch.status)).toBe(expected);
    }
    const scheduled = await provider.getSubscription({ customerId: "alice", subscriptionId: "sub_case_4" });
    expect(scheduled.cancelAt).toBe(new Date(1_900_000_000_000).toISOString());
    const ended = await provider.getSubscription({ customerId: "alice", subscriptionId: "sub_case_6" });
    expect(ended.canceledAt).toBe(new Date(1_700_000_000_000).toISOString());
  });

  it("cancels at the end of the term with end_of_term=true, and a second call sends nothing", async () => {
    const { provider, sim } = rig(smallWorld());
    const answer = await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "period_end" });
    const termEnd = sim.subscriptions.get("sub_alice")?.current_term_end ?? 0;
    expect(answer).toMatchObject({ status: "cancel_scheduled", cancelAt: new Date(termEnd * 1000).toISOString() });
    expect(mutations(sim.requests).map((r) => [r.path, r.form])).toEqual([
      ["/api/v2/subscriptions/sub_alice/cancel_for_items", { end_of_term: "true" }],
    ]);
    sim.clearRequests();
    const again = await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "period_end" });
    expect(again.status).toBe("cancel_scheduled");
    expect(mutations(sim.requests)).toEqual([]);
  });

  it("cancels now with end_of_term=false, also a subscription already ending", async () => {
    const { provider, sim } = rig(smallWorld());
    const answer = await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice_ending", when: "now" });
    expect(answer.status).toBe("canceled");
    expect(answer.canceledAt).toBeDefined();
    expect(sim.subscriptions.get("sub_alice_ending")?.status).toBe("cancelled");
    expect(mutations(sim.requests)[0]?.form).toEqual({ end_of_term: "false" });
    sim.clearRequests();
    await provider.cancel({ customerId: "alice", subscriptionId: "sub_alice_ending", when: "period_end" });
    expect(mutations(sim.requests)).toEqual([]);
  });

  it("sends a reason that is one of the site's codes as cancel_reason_code", async () => {
    const { provider, sim } = rig(
      smallWorld(),
      { cancelReasonCodes: ["too_expensive", "missing_features"] },
      { cancelReasonCodes: ["too_expensive", "missing_features"] },
    );
    expect(provider.capabilities.cancelReason).toBe("code");
    await provider.cancel({
      customerId: "alice",
      subscriptionId: "sub_alice",
      when: "period_end",
      reason: "too_expensive",
    });
    expect(mutations(sim.requests)[0]?.form).toEqual({ end_of_term: "true", cancel_reason_code: "too_expensive" });
    expect(sim.subscriptions.get("sub_alice")?.cancel_reason_code).toBe("too_expensive");
  });

  it("refuses a reason that is not one of the codes (free text, or no codes at all) and sends nothing", async () => {
    for (const codes of [["too_expensive"], undefined]) {
      const { provider, sim } = rig(smallWorld(), codes ? { cancelReasonCodes: codes } : {});
      expect(provider.capabilities.cancelReason).toBe(codes ? "code" : "none");
      const error = await portalRejection(
        provider.cancel({ customerId: "alice", subscriptionId: "sub_alice", when: "now", reason: "Too expensive" }),
      );
      expect(error).toMatchObject({ code: "invalid_input", field: "reason", retryable: false });
      expect(sim.requests).toEqual([]);
      expect(sim.subscriptions.get("sub_alice")?.status).toBe("active");
    }
  });

  it("answers not_found for another customer's subscription exactly as for an unknown one, changing nothing", async () => {
    const { provider, sim } = rig(smallWorld());
    const foreign = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_bob", when: "now" }),
    );
    const unknown = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionId: "sub_nobody", when: "now" }),
    );
    expect(foreign.toJSON()).toEqual({
      ...unknown.toJSON(),
      message: unknown.message.replace("sub_nobody", "sub_bob"),
    });
    expect(foreign).toMatchObject({ code: "not_found", retryable: false, status: 404 });
    expect(mutations(sim.requests)).toEqual([]);
    expect(sim.subscriptions.get("sub_bob")?.status).toBe("active");
    for (const call of [
      provider.getSubscription({ customerId: "alice", subscriptionId: "sub_bob" }),
      provider.reactivate({ customerId: "alice", subscriptionId: "sub_bob" }),
      provider.invoicePdf({ customerId: "alice", invoiceId: "inv_b1" }),
      provider.openSection({ customerId: "alice", section: "subscription_details", subscriptionId: "sub_bob" }),
      provider.updateAddress({
        customerId: "alice",
        kind: "shipping",
        subscriptionId: "sub_bob",
        address: { city: "X" },
      }),
    ]) {
      expect((await portalRejection(call)).code).toBe("not_found");
    }
    expect(mutations(sim.requests)).toEqual([]);
  });

  it("reactivates: removes a scheduled cancellation, reactivates a cancelled one, leaves an active one alone", async () => {
    const { provider, sim } = rig(smallWorld());
    const resumed = await provider.reactivate({ customerId: "alice", subscriptionId: "sub_alice_ending" });
    expect(resumed.status).toBe("active");
    expect(resumed.cancelAt).toBeUndefined();
    const revived = await provider.reactivate({ customerId: "alice", subscriptionId: "sub_alice_gone" });
    expect(revived.status).toBe("active");
    expect(sim.subscriptions.get("sub_alice_gone")?.status).toBe("active");
    expect(mutations(sim.requests).map((r) => r.path)).toEqual([
      "/api/v2/subscriptions/sub_alice_ending/remove_scheduled_cancellation",
      "/api/v2/subscriptions/sub_alice_gone/reactivate",
    ]);
    sim.clearRequests();
    expect((await provider.reactivate({ customerId: "alice", subscriptionId: "sub_alice" })).status).toBe("active");
    expect(mutations(sim.requests)).toEqual([]);
  });
});

describe("addresses, invoices PDFs, hosted pages, sessions", () => {
  it("updates the billing address on the customer and the shipping address on the subscription", async () => {
    const { provider, sim } = rig(smallWorld());
    const billing = CustomerSchema.parse(
      await provider.updateAddress({
        customerId: "alice",
        kind: "billing",
        address: { firstName: "Alice", line1: "9 Oak Rd", postalCode: "10001", country: "US" },
      }),
    );
    expect(billing.billingAddress).toEqual({
      firstName: "Alice",
      line1: "9 Oak Rd",
      postalCode: "10001",
      country: "US",
    });
    expect(sim.customers.get("alice")?.billing_address).toEqual({
      first_name: "Alice",
      line1: "9 Oak Rd",
      zip: "10001",
      country: "US",
    });
    const shipping = await provider.updateAddress({
      customerId: "alice",
      kind: "shipping",
      subscriptionId: "sub_alice",
      address: { city: "Shelbyville", country: "US" },
    });
    expect(shipping.shippingAddress).toEqual({ city: "Shelbyville", country: "US" });
    expect(sim.subscriptions.get("sub_alice")?.shipping_address).toEqual({ city: "Shelbyville", country: "US" });
    expect(mutations(sim.requests).map((r) => [r.path, r.form])).toEqual([
      [
        "/api/v2/customers/alice/update_billing_info",
        { billing_address: { first_name: "Alice", line1: "9 Oak Rd", zip: "10001", country: "US" } },
      ],
      [
        "/api/v2/subscriptions/sub_alice/update_for_items",
        { shipping_address: { city: "Shelbyville", country: "US" } },
      ],
    ]);
  });

  it("asks for a subscription for a shipping address, before sending anything", async () => {
    const { provider, sim } = rig(smallWorld());
    const error = await portalRejection(
      provider.updateAddress({ customerId: "alice", kind: "shipping", address: { city: "X" } }),
    );
    expect(error).toMatchObject({ code: "invalid_input", field: "subscriptionId" });
    expect(sim.requests).toHaveLength(0);
  });

  it("reports Chargebee's bracketed error param as a dotted field", async () => {
    const { provider } = rig(smallWorld());
    const error = await portalRejection(
      provider.updateAddress({ customerId: "alice", kind: "billing", address: { line1: "1 A St", country: "QQ" } }),
    );
    expect(error).toMatchObject({
      code: "invalid_request",
      field: "billing_address.country",
      providerCode: "param_wrong_value",
      status: 400,
      retryable: false,
    });
  });

  it("downloads an invoice PDF after checking the invoice is the customer's", async () => {
    const { provider, sim } = rig(smallWorld());
    const pdf = await provider.invoicePdf({ customerId: "alice", invoiceId: "inv_a1" });
    expect(pdf.url).toMatch(/^https:\/\/.+inv_a1\.pdf/);
    expect(Date.parse(pdf.expiresAt ?? "")).toBeGreaterThan(Date.now());
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/v2/invoices/inv_a1",
      "POST /api/v2/invoices/inv_a1/pdf",
    ]);
  });

  it("opens the hosted manage-payment-sources page as a redirect", async () => {
    const { provider, sim } = rig(smallWorld());
    const launch = PortalLaunchSchema.parse(
      await provider.paymentMethodLaunch({ customerId: "alice", returnUrl: "https://app.example.com/billing" }),
    );
    expect(launch).toMatchObject({ kind: "redirect", provider: "chargebee" });
    if (launch.kind !== "redirect") throw new Error("redirect");
    const [page] = [...sim.hostedPages.values()];
    expect(launch.url).toBe(page?.url);
    expect(sim.requests[0]?.form).toEqual({
      customer: { id: "alice" },
      redirect_url: "https://app.example.com/billing",
    });
  });

  it("creates a portal session and logs it out, with one idempotency key per mutation", async () => {
    const { provider, sim } = rig(smallWorld());
    const session = PortalSessionSchema.parse(
      await provider.createSession({ customerId: "alice", returnUrl: "https://app.example.com/" }),
    );
    expect(session.customerId).toBe("alice");
    expect(Date.parse(session.expiresAt ?? "") - Date.parse(session.createdAt)).toBe(3_600_000);
    // What the session endpoint hands Chargebee.js: the portal_session fields, nothing else.
    const browser = ChargebeePortalSessionSchema.strict().parse(session.browserSession);
    expect(browser).toMatchObject({ id: session.id, token: session.token, customer_id: "alice" });
    await provider.logout({ customerId: "alice", sessionId: session.id });
    expect(sim.portalSessions.get(session.id)?.status).toBe("logged_out");
    // The session is read first (its owner checked), then logged out.
    expect(sim.requests.map((r) => [r.method, r.path])).toEqual([
      ["POST", "/api/v2/portal_sessions"],
      ["GET", `/api/v2/portal_sessions/${session.id}`],
      ["POST", `/api/v2/portal_sessions/${session.id}/logout`],
    ]);
    const keys = mutations(sim.requests).map((r) => r.idempotencyKey);
    expect(keys.every((key) => typeof key === "string" && key.length > 0)).toBe(true);
    expect(new Set(keys).size).toBe(2);
    // The logout request carries the key as a header, not as a form parameter.
    expect(mutations(sim.requests)[1]?.form).toEqual({});
  });

  it("answers not_found for an unknown customer's session and an unknown session's logout", async () => {
    const { provider } = rig(smallWorld());
    expect((await portalRejection(provider.createSession({ customerId: "nobody" }))).code).toBe("not_found");
    expect((await portalRejection(provider.logout({ customerId: "alice", sessionId: "portal_nobody" }))).code).toBe(
      "not_found",
    );
  });

  it("refuses to log out another customer's session: not_found as for an unknown one, no logout sent", async () => {
    const { provider, sim } = rig(smallWorld());
    const bobs = await provider.createSession({ customerId: "bob" });
    sim.clearRequests();
    const foreign = await portalRejection(provider.logout({ customerId: "alice", sessionId: bobs.id }));
    const unknown = await portalRejection(provider.logout({ customerId: "alice", sessionId: "portal_nobody" }));
    expect(foreign.toJSON()).toEqual({
      ...unknown.toJSON(),
      message: unknown.message.replace("portal_nobody", bobs.id),
    });
    expect(foreign).toMatchObject({ code: "not_found", retryable: false });
    expect(mutations(sim.requests)).toEqual([]);
    expect(sim.portalSessions.get(bobs.id)?.status).toBe("created");
  });

  it("names the portal session on its Chargebee.js launch, for logout on sign-out", async () => {
    const { provider, sim } = rig(smallWorld());
    const launch = await provider.openPortal({ customerId: "alice" });
    expect(launch.sessionId).toBe(launch.session.id);
    expect(sim.portalSessions.get(launch.sessionId ?? "")?.customer_id).toBe("alice");
  });
});

describe("launches", () => {
  it("maps every portable section to the Chargebee.js section type", async () => {
    const { provider, apiKey } = rig(smallWorld());
    for (const [section, sectionType] of Object.entries(CHARGEBEE_SECTION_TYPES)) {
      const needsSubscription = ["subscription_details", "cancel_subscription", "edit_subscription"].includes(section);
      const launch = ChargebeeJsLaunchSchema.parse(
        await provider.openSection({
          customerId: "alice",
          section: section as keyof typeof CHARGEBEE_SECTION_TYPES,
          subscriptionId: "sub_alice",
        }),
      );
      expect(launch.section).toBe(section);
      expect(launch.chargebeeSection).toEqual(
        needsSubscription ? { sectionType, params: { subscriptionId: "sub_alice" } } : { sectionType },
      );
      expect(JSON.stringify(launch)).not.toContain(apiKey);
    }
    expect(Object.values(CHARGEBEE_SECTION_TYPES)).toEqual([
      "sub_details",
      "account_details",
      "portal_address",
      "portal_payment_methods",
      "portal_billing_history",
      "sub_cancel",
      "edit_subscription",
    ]);
  });

  it("holds the site and the portal session Chargebee.js needs, and nothing else", async () => {
    const { provider, site, sim, apiKey } = rig(smallWorld(), { domain: "billing.acme.example" });
    const launch = await provider.openPortal({ customerId: "alice", returnUrl: "https://app.example.com/" });
    const [stored] = [...sim.portalSessions.values()];
    if (!stored) throw new Error("a session was created");
    expect(launch).toEqual({
      kind: "chargebee-js",
      provider: "chargebee",
      site,
      domain: "billing.acme.example",
      session: {
        id: stored.id,
        token: stored.token,
        access_url: stored.access_url,
        status: "created",
        customer_id: "alice",
        created_at: stored.created_at,
        expires_at: stored.expires_at,
        object: "portal_session",
      },
      sessionId: stored.id,
    });
    expect(JSON.stringify(launch)).not.toContain(apiKey);
  });

  it("needs a subscription for a subscription section, unless the whole portal may open instead", async () => {
    const { provider, sim } = rig(smallWorld());
    const error = await portalRejection(provider.openSection({ customerId: "alice", section: "cancel_subscription" }));
    expect(error).toMatchObject({ code: "invalid_input", field: "subscriptionId" });
    expect(sim.requests).toHaveLength(0);
    const launch = await provider.openSection({
      customerId: "alice",
      section: "cancel_subscription",
      fallback: "portal",
    });
    expect(launch).toMatchObject({ kind: "chargebee-js", section: "cancel_subscription", fallback: true });
    expect("chargebeeSection" in launch).toBe(false);
  });
});

describe("inputs and options", () => {
  it("rejects bad input with invalid_input naming the field, before any request", async () => {
    const { provider, sim } = rig(smallWorld());
    const error = await portalRejection(provider.listInvoices({ customerId: "alice", limit: 101 }));
    expect(error).toMatchObject({ code: "invalid_input", field: "limit", provider: "chargebee" });
    const typo = await portalRejection(
      provider.cancel({ customerId: "alice", subscriptionID: "sub_alice", when: "now" } as unknown as Parameters<
        typeof provider.cancel
      >[0]),
    );
    expect(typo.code).toBe("invalid_input");
    expect(sim.requests).toHaveLength(0);
  });

  it("refuses bad options with a PortalError", () => {
    let thrown: unknown;
    try {
      createChargebeeProvider({ site: "", apiKey: "k" });
    } catch (error) {
      thrown = error;
    }
    expect(PortalError.isInstance(thrown) && thrown.code === "invalid_input" && thrown.field === "site").toBe(true);
  });

  it("announces every capability, with a method for each", () => {
    const { provider } = rig();
    expect(provider.capabilities).toMatchObject({
      cancelModes: ["now", "period_end"],
      addressKinds: ["billing", "shipping"],
      getSubscription: true,
      reactivate: true,
      invoicePdf: true,
      updateAddress: true,
      paymentMethodLaunch: true,
      logout: true,
    });
    expect(provider.capabilities.sections).toHaveLength(7);
  });
});
