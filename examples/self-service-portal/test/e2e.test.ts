import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ProviderId, readConfig } from "../src/config";
import { type RunningPortal, startPortal } from "../src/start-portal";
import { launchChromium, loopbackContext, screenshotPaths, skipBrowser } from "./chromium";
import { type VendorView, vendorView } from "./vendor-view";

const ALICE = {
  email: "alice@example.com",
  customerId: "cus_demo_alice",
  subscriptionId: "sub_demo_alice",
  addonId: "sub_demo_alice_storage",
};
const BRUNO = { email: "bruno@example.com", customerId: "cus_demo_bruno", subscriptionId: "sub_demo_bruno" };
const ALICE_INVOICES = 240;
/** Alice's two newest invoices are pending (Chargebee keeps them, Stripe has none): the invoices page skips them. */
const PENDING = 2;

/** Alice's subscription card on the profile. */
const card = (page: Page, id: string) => page.locator(`[data-testid=subscription][data-subscription="${id}"]`);

async function screenshot(page: Page, name: string) {
  for (const path of await screenshotPaths(name)) await page.screenshot({ path, fullPage: true });
}

async function signIn(page: Page, portal: RunningPortal, email: string) {
  await page.goto(`${portal.url}/sign-in`);
  await Promise.all([page.waitForURL(`${portal.url}/account`), page.click(`button[data-email="${email}"]`)]);
}

/** Every row of the invoice table on the page, as its invoice id. */
const invoiceIds = (page: Page) =>
  page.locator("tr[data-invoice]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-invoice")));

describe.skipIf(skipBrowser).each(["chargebee", "stripe", "billflow", "paddle"] as const)(
  "the portal on %s",
  (provider: ProviderId) => {
    let browser: Browser;
    let portal: RunningPortal;
    let vendor: VendorView;
    let context: BrowserContext;
    let page: Page;
    let offLoopback: string[];
    let bodies: string[];
    const logs: string[] = [];
    const shoot = provider === "chargebee";
    // Paddle keeps billing addresses only, without phone or company.
    const hasShipping = provider !== "paddle";

    beforeAll(async () => {
      portal = await startPortal(
        { ...readConfig({ PORTAL_PROVIDER: provider }), port: 0 },
        { log: (line) => logs.push(line) },
      );
      if (!portal.simulators) throw new Error("the demo runs on the simulators");
      vendor = vendorView(provider, portal.simulators);
      browser = await launchChromium();
      ({ context, offLoopback, bodies } = await loopbackContext(browser));
      page = await context.newPage();
    });

    afterAll(async () => {
      await browser?.close();
      await portal?.close();
    });

    it("signs in and shows the profile from the vendor: both subscriptions, items, status, addresses and card", async () => {
      await page.goto(portal.url);
      await page.waitForURL(`${portal.url}/sign-in`);
      await expect(page.locator("[data-testid=provider]").textContent()).resolves.toContain(
        `${provider[0]?.toUpperCase()}${provider.slice(1)} (simulator)`,
      );
      if (shoot) await screenshot(page, "sign-in");
      await signIn(page, portal, ALICE.email);

      // Every subscription the vendor holds for Alice, newest first.
      const ids = await page
        .locator("[data-testid=subscription]")
        .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-subscription")));
      expect(ids).toEqual([ALICE.addonId, ALICE.subscriptionId]);
      const main = card(page, ALICE.subscriptionId);
      await expect(main.locator("[data-testid=status]").textContent()).resolves.toBe("Active");
      await expect(main.textContent()).resolves.toMatch(/Renews on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      await expect(main.locator("tbody").textContent()).resolves.toMatch(/team-monthly\s*5/);
      await expect(card(page, ALICE.addonId).locator("tbody").textContent()).resolves.toMatch(/storage-addon\s*2/);
      await expect(page.locator("[data-testid=payment-method]").textContent()).resolves.toBe(
        "Visa ending in 4242, expires 12/2030",
      );
      await expect(page.locator("[data-testid=billing-address]").textContent()).resolves.toContain("1 Market Street");
      const body = await page.textContent("main");
      if (hasShipping) expect(body).toContain("500 Howard Street");
      if (shoot) await screenshot(page, "profile");
    });

    it("pages through every invoice, newest first, and back", async () => {
      await page.click("header nav >> text=Invoices");
      // Pending invoices (not final yet) are not listed, on any provider.
      const expected = Array.from({ length: ALICE_INVOICES }, (_, i) => `in_alice_${String(i).padStart(6, "0")}`).slice(
        PENDING,
      );
      const first = await invoiceIds(page);
      expect(first).toEqual(expected.slice(0, 20));
      await expect(page.locator("tr[data-invoice] .badge.pending").count()).resolves.toBe(0);
      if (shoot) await screenshot(page, "invoices");
      const seen = [...first];
      let pages = 1;
      while ((await page.locator("a[rel=next]").count()) > 0) {
        await Promise.all([page.waitForURL(/cursor=/), page.click("a[rel=next]")]);
        pages += 1;
        await expect(page.locator("[data-testid=page-number]").textContent()).resolves.toBe(`Page ${pages}`);
        seen.push(...(await invoiceIds(page)));
      }
      expect(seen).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / 20));
      await page.click("a[rel=prev]");
      await expect(page.locator("[data-testid=page-number]").textContent()).resolves.toBe(`Page ${pages - 1}`);
      expect(await invoiceIds(page)).toEqual(expected.slice((pages - 2) * 20, (pages - 1) * 20));
    });

    it("downloads an invoice PDF", async () => {
      await page.goto(`${portal.url}/account/invoices`);
      const id = "in_alice_000003";
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(`a[data-pdf="${id}"]`)]);
      expect(download.suggestedFilename()).toBe(`${id}.pdf`);
      const pdf = await readFile(await download.path(), "latin1");
      expect(pdf.startsWith("%PDF-")).toBe(true);
      expect(pdf).toContain(`Id: ${id}`);
      expect(pdf).toContain(`Customer: ${ALICE.customerId}`);
    });

    it("changes the addresses, with field errors from the page, the server and the vendor", async () => {
      await page.goto(`${portal.url}/account/address`);
      const billing = page.locator('form[data-kind="billing"]');
      const writes = vendor.addressWrites();

      // In the page: a bad ZIP and phone are refused before anything is sent.
      await billing.locator("[name=postalCode]").fill("!!");
      await billing.locator("[name=phone]").fill("call me");
      await billing.locator("button[type=submit]").click();
      await expect(billing.locator('[data-error-for="postalCode"]').textContent()).resolves.toMatch(
        /ZIP or postal code/,
      );
      await expect(billing.locator('[data-error-for="phone"]').textContent()).resolves.toMatch(/phone number/);
      await expect(billing.locator("[name=postalCode]").getAttribute("aria-invalid")).resolves.toBe("true");
      expect(page.url()).toBe(`${portal.url}/account/address`);
      if (shoot) await screenshot(page, "address-errors");

      // On the server: the same form posted without the page's checks.
      const posted = await page.evaluate(async () => {
        const form = new URLSearchParams({
          kind: "billing",
          line1: "1 Main St",
          city: "Springfield",
          country: "US",
          email: "nope",
        });
        const response = await fetch("/account/address", { method: "POST", body: form });
        return { status: response.status, text: await response.text() };
      });
      expect(posted.status).toBe(400);
      expect(posted.text).toContain("Enter an email address");
      expect(vendor.addressWrites()).toBe(writes);

      // At the vendor: a country code it does not know comes back as PortalError.field.
      await page.reload();
      if (!hasShipping) {
        await billing.locator("[name=phone]").fill("");
        await billing.locator("[name=company]").fill("");
      }
      vendor.refuseCountryOnce();
      await billing.locator("[name=country]").fill("ZZ");
      await Promise.all([page.waitForLoadState("load"), billing.locator("button[type=submit]").click()]);
      await expect(billing.locator('[data-error-for="country"]').textContent()).resolves.toBe(
        "The billing provider did not accept this value.",
      );
      await expect(page.locator("#page-notice").textContent()).resolves.toContain("Check the highlighted fields");
      expect(vendor.billingLine1(ALICE.customerId)).toBe("1 Market Street");

      await billing.locator("[name=country]").fill("US");
      await billing.locator("[name=line1]").fill("2 Market Street");
      await billing.locator("[name=postalCode]").fill("94107");
      await Promise.all([page.waitForURL(/done=address-billing/), billing.locator("button[type=submit]").click()]);
      await expect(page.locator("#page-notice").textContent()).resolves.toBe("Your billing address is saved.");
      expect(vendor.billingLine1(ALICE.customerId)).toBe("2 Market Street");
      if (!hasShipping) return;

      // Chargebee keeps a shipping address per subscription: one form for each live one.
      const shipping = page.locator(
        provider === "chargebee"
          ? `form[data-kind="shipping"][data-subscription="${ALICE.subscriptionId}"]`
          : 'form[data-kind="shipping"]',
      );
      await expect(page.locator('form[data-kind="shipping"]').count()).resolves.toBe(provider === "chargebee" ? 2 : 1);
      await shipping.locator("[name=line1]").fill("600 Howard Street");
      await Promise.all([page.waitForURL(/done=address-shipping/), shipping.locator("button[type=submit]").click()]);
      expect(vendor.shippingLine1(ALICE.customerId, ALICE.subscriptionId)).toBe("600 Howard Street");
      await page.goto(`${portal.url}/account`);
      const body = await page.textContent("main");
      expect(body).toContain("2 Market Street");
      expect(body).toContain("600 Howard Street");
    });

    it("shows an address changed at the vendor behind the app's back, and saves over nothing stale", async () => {
      vendor.setBillingLine1(ALICE.customerId, "77 Side Street");
      await page.goto(`${portal.url}/account`);
      await expect(page.locator("[data-testid=billing-address]").textContent()).resolves.toContain("77 Side Street");
      await page.goto(`${portal.url}/account/address`);
      const billing = page.locator('form[data-kind="billing"]');
      await expect(billing.locator("[name=line1]").inputValue()).resolves.toBe("77 Side Street");
      await billing.locator("[name=line2]").fill("Floor 3");
      await Promise.all([page.waitForURL(/done=address-billing/), billing.locator("button[type=submit]").click()]);
      expect(vendor.billingLine1(ALICE.customerId)).toBe("77 Side Street");
    });

    it("cancels at the end of the term after a confirmation", async () => {
      await page.goto(`${portal.url}/account`);
      await card(page, ALICE.subscriptionId).locator("text=Cancel subscription…").click();
      await page.waitForURL(`${portal.url}/account/cancel?subscription=${ALICE.subscriptionId}`);
      await expect(page.locator("input[value=period_end]").isChecked()).resolves.toBe(true);
      if (shoot) await screenshot(page, "cancel");
      expect(vendor.subscriptionState(ALICE.subscriptionId)).toBe("active");
      await Promise.all([page.waitForURL(/done=cancel-period_end/), page.click("text=Confirm cancellation")]);
      const main = card(page, ALICE.subscriptionId);
      await expect(main.locator("[data-testid=status]").textContent()).resolves.toBe("Ends at the end of the term");
      await expect(main.textContent()).resolves.toMatch(/Ends on .*it will not renew/);
      // The other subscription is untouched.
      await expect(card(page, ALICE.addonId).locator("[data-testid=status]").textContent()).resolves.toBe("Active");
      await expect(card(page, ALICE.addonId).locator("text=Reactivate subscription").count()).resolves.toBe(0);
      expect(vendor.subscriptionState(ALICE.subscriptionId)).toBe("cancel_scheduled");
      expect(vendor.subscriptionState(ALICE.addonId)).toBe("active");
    });

    it("reactivates", async () => {
      await Promise.all([
        page.waitForURL(/done=reactivated/),
        card(page, ALICE.subscriptionId).locator("text=Reactivate subscription").click(),
      ]);
      await expect(card(page, ALICE.subscriptionId).locator("[data-testid=status]").textContent()).resolves.toBe(
        "Active",
      );
      expect(vendor.subscriptionState(ALICE.subscriptionId)).toBe("active");
    });

    it("shows a cancel made in the vendor's own portal, learnt by webhook, without the app calling cancel", async () => {
      const sims = portal.simulators;
      if (!sims) throw new Error("the demo runs on the simulators");
      const vendorLog = provider === "chargebee" ? sims.chargebee : provider === "paddle" ? sims.paddle : sims.stripe;
      const cancelCalls = () =>
        vendorLog.requests.filter((r) => r.method !== "GET" && /subscriptions\//.test(r.path)).length;
      await page.goto(`${portal.url}/account`);
      const scheduled = page.locator('[data-testid=activity][data-type="subscription.cancel_scheduled"]');
      const before = await scheduled.count();
      const callsBefore = cancelCalls();
      await page.click("text=Manage in the hosted portal");
      if (provider === "stripe" || provider === "paddle") {
        await page.waitForURL(/\/simulated\/page\?/);
        await Promise.all([page.waitForURL(`${portal.url}/account`), page.click("[data-testid=portal-cancel]")]);
      } else {
        const frame = provider === "chargebee" ? "#chargebee-portal" : "#portal-container";
        await page.click(`${frame} [data-testid=portal-cancel]`);
        await page.locator(`${frame} [data-testid=portal-cancelled]`).waitFor();
        await page.goto(`${portal.url}/account`);
      }
      // The webhook may land a moment after the vendor's page answered: reload until it shows.
      await expect
        .poll(async () => {
          await page.reload();
          return scheduled.count();
        })
        .toBe(before + 1);
      await expect(page.locator("[data-testid=activity]").first().getAttribute("data-type")).resolves.toBe(
        "subscription.cancel_scheduled",
      );
      await expect(card(page, ALICE.subscriptionId).locator("[data-testid=status]").textContent()).resolves.toBe(
        "Ends at the end of the term",
      );
      expect(vendor.subscriptionState(ALICE.subscriptionId)).toBe("cancel_scheduled");
      expect(vendor.subscriptionState(ALICE.addonId), "the add-on is not the one the portal cancelled").toBe("active");
      expect(cancelCalls(), "requests of the app that change a subscription").toBe(callsBefore);
      if (shoot) await screenshot(page, "billing-activity");
    });

    it("opens the hosted portal, a section and the payment method page", async () => {
      await page.goto(`${portal.url}/account`);
      await page.click("text=Manage in the hosted portal");
      if (provider === "stripe" || provider === "paddle") {
        await page.waitForURL(/\/simulated\/page\?/);
        await expect(page.locator("[data-testid=portal-customer]").textContent()).resolves.toBe(ALICE.customerId);
        if (provider === "stripe") await screenshot(page, "hosted-portal-stripe");
        await page.click("text=Return to the app");
        await page.waitForURL(`${portal.url}/account`);
      } else if (provider === "chargebee") {
        await expect(page.locator("#chargebee-portal [data-testid=portal-customer]").textContent()).resolves.toContain(
          ALICE.customerId,
        );
        await screenshot(page, "hosted-portal-chargebee");
        await Promise.all([page.waitForEvent("load"), page.click("[data-testid=close-portal]")]);
      } else {
        await expect(page.locator("#portal-container [data-testid=portal-customer]").textContent()).resolves.toBe(
          `Customer ${ALICE.customerId}`,
        );
        // The provider's service, and the quantities of both of the customer's subscriptions
        // passed with the launch, signed on the server.
        await expect(page.locator("#portal-container [data-testid=portal-options]").textContent()).resolves.toBe(
          "Service team-plans · quantity storage-addon 2, team-monthly 5",
        );
        await screenshot(page, "billflow-embed");
        await Promise.all([page.waitForEvent("load"), page.click("text=Close billing page")]);
      }
      if (provider !== "billflow") expect(vendor.lastPortalCustomer()).toBe(ALICE.customerId);

      // One button per section the provider opens directly.
      const section = provider === "billflow" ? "Subscription details" : "Payment methods";
      const scope = provider === "billflow" ? card(page, ALICE.subscriptionId) : page.locator("main");
      await scope.locator(`button:has-text("${section}")`).first().click();
      if (provider === "stripe" || provider === "paddle") {
        await page.waitForURL(/\/simulated\/page\?/);
        await expect(page.locator("[data-testid=portal-flow]").textContent()).resolves.toBe(
          provider === "stripe" ? "payment method update" : "update subscription payment method",
        );
      } else if (provider === "chargebee") {
        await expect(page.locator("#chargebee-portal [data-testid=portal-section]").textContent()).resolves.toBe(
          "Section: portal_payment_methods",
        );
      } else {
        await expect(page.locator("#portal-container [data-testid=portal-section]").textContent()).resolves.toContain(
          `Subscription ${ALICE.subscriptionId}`,
        );
      }

      await page.goto(`${portal.url}/account`);
      await page.click("text=Update payment method");
      if (provider === "billflow") {
        // Billflow has no payment-method page of its own: the billing page opens instead.
        await expect(page.locator("#portal-container [data-testid=portal-customer]").textContent()).resolves.toBe(
          `Customer ${ALICE.customerId}`,
        );
      } else {
        await page.waitForURL(/\/simulated\/page\?/);
        await expect(page.locator("[data-testid=portal-flow]").textContent()).resolves.toBe(
          provider === "stripe"
            ? "payment method update"
            : provider === "paddle"
              ? "update subscription payment method"
              : "manage payment sources",
        );
      }
    });

    it("cancels now", async () => {
      await page.goto(`${portal.url}/account/cancel?subscription=${ALICE.subscriptionId}`);
      await page.check("input[value=now]");
      await Promise.all([page.waitForURL(/done=cancel-now/), page.click("text=Confirm cancellation")]);
      const main = card(page, ALICE.subscriptionId);
      await expect(main.locator("[data-testid=status]").textContent()).resolves.toBe("Canceled");
      await expect(page.locator("#page-notice").textContent()).resolves.toBe("Your subscription is canceled.");
      expect(vendor.subscriptionState(ALICE.subscriptionId)).toBe("canceled");
      // Only a vendor that can bring an ended subscription back offers to; nothing else changes it.
      await expect(main.locator("text=Reactivate subscription").count()).resolves.toBe(
        provider === "chargebee" ? 1 : 0,
      );
      await expect(main.locator("text=Cancel subscription…").count()).resolves.toBe(0);
      await expect(main.locator('button:has-text("Change plan")').count()).resolves.toBe(0);
      await expect(main.locator('button:has-text("Cancel subscription")').count()).resolves.toBe(0);
    });

    it("shows a clear message when the vendor fails, with no secret and no stack", async () => {
      vendor.failSubscriptions();
      try {
        await page.goto(`${portal.url}/account`);
        const notice = await page.locator("#page-notice").textContent();
        expect(notice).toBe(
          "We could not load your billing details. The billing provider is not available right now. Try again in a few minutes.",
        );
        if (shoot) await screenshot(page, "vendor-failure");
        const html = await page.content();
        expect(html).not.toMatch(/\bat .+:\d+:\d+|Error:|node_modules/);
        expect(logs.some((line) => line.includes("unavailable"))).toBe(true);
      } finally {
        vendor.heal();
      }
    });

    it("keeps a second customer away from the first one's data", async () => {
      const other = await loopbackContext(browser);
      try {
        const bruno = await other.context.newPage();
        await signIn(bruno, portal, BRUNO.email);
        await expect(bruno.locator("[data-testid=status]").textContent()).resolves.toBe("Trial");
        await expect(bruno.locator("[data-testid=subscription]").textContent()).resolves.toContain(
          BRUNO.subscriptionId,
        );

        const pdf = await bruno.goto(`${portal.url}/account/invoices/in_alice_000003/pdf`);
        expect(pdf?.status()).toBe(404);
        await expect(bruno.locator("main").textContent()).resolves.toContain(
          "We could not find that in your billing account.",
        );

        await bruno.goto(`${portal.url}/account/invoices`);
        const ids = await invoiceIds(bruno);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids.every((id) => id?.startsWith("in_bruno_"))).toBe(true);

        const state = vendor.subscriptionState(ALICE.subscriptionId);
        const api = await bruno.evaluate(
          async ([aliceSub]) => {
            const post = (path: string, body: unknown) =>
              fetch(path, {
                method: "POST",
                headers: { "content-type": "application/json" },
                body: JSON.stringify(body),
              });
            const reactivate = await post(`/api/portal/subscriptions/${aliceSub}/reactivate`, {});
            const launch = await post("/api/portal/launch", {
              section: "subscription_details",
              subscriptionId: aliceSub,
              fallback: "portal",
            });
            const read = await fetch(`/api/portal/subscriptions/${aliceSub}`);
            const asAlice = await post("/api/portal/launch", { customerId: "cus_demo_alice" });
            return [reactivate.status, launch.status, read.status, asAlice.status];
          },
          [ALICE.subscriptionId],
        );
        expect(api).toEqual([404, 404, 404, 400]);
        expect(vendor.subscriptionState(ALICE.subscriptionId)).toBe(state);

        // A session cookie that was tampered with signs nobody in.
        const [cookie] = await other.context.cookies();
        expect(cookie).toMatchObject({ name: "portal_session", httpOnly: true, sameSite: "Lax" });
        await other.context.addCookies([
          { ...cookie!, value: cookie!.value.replace(/^./, (c) => (c === "e" ? "f" : "e")) },
        ]);
        await bruno.goto(`${portal.url}/account`);
        expect(bruno.url()).toBe(`${portal.url}/sign-in`);
      } finally {
        await other.context.close();
      }
    });

    it("signing out ends the portal sessions opened for the customer at the vendor", async () => {
      await page.goto(`${portal.url}/account`);
      await page.click("text=Manage in the hosted portal");
      if (provider === "chargebee") {
        await expect(page.locator("#chargebee-portal [data-testid=portal-customer]").textContent()).resolves.toContain(
          ALICE.customerId,
        );
      } else if (provider === "stripe" || provider === "paddle") {
        await page.waitForURL(/\/simulated\/page\?/);
      } else {
        await expect(page.locator("#portal-container [data-testid=portal-customer]").textContent()).resolves.toBe(
          `Customer ${ALICE.customerId}`,
        );
      }
      const opened = vendor.portalSessions(ALICE.customerId);
      const bruno = vendor.portalSessions(BRUNO.customerId);
      if (provider === "chargebee") {
        // The portal opened just now and those of the earlier launches, all still open.
        expect(opened.length).toBeGreaterThan(1);
        expect(opened.at(-1)?.loggedOut).toBe(false);
      }
      await page.goto(`${portal.url}/account`);
      await Promise.all([page.waitForURL(`${portal.url}/sign-in`), page.click("button:has-text('Sign out')")]);
      const after = vendor.portalSessions(ALICE.customerId);
      expect(after.map((session) => session.id)).toEqual(opened.map((session) => session.id));
      expect(
        after.every((session) => session.loggedOut),
        "every portal session of Alice's is logged out",
      ).toBe(true);
      expect(vendor.portalSessions(BRUNO.customerId)).toEqual(bruno);
      // Chargebee.js was told to end the session it holds in the browser (@portalkit/browser's
      // logout, before the form was posted); the other vendors keep none in the page.
      const inBrowser = await page.evaluate(() => sessionStorage.getItem("chargebee-js-stand-in:logouts"));
      if (provider === "chargebee") expect(JSON.parse(inBrowser ?? "null")).toEqual([{ site: "acme-demo-test" }]);
      else expect(inBrowser).toBeNull();
      // The old session is gone on the app's side too.
      const logout = await page.evaluate(async (sessionId) => {
        const response = await fetch("/api/portal/logout", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ sessionId }),
        });
        return response.status;
      }, opened.at(-1)?.id ?? "none");
      expect(logout).toBe(401);
    });

    it("sent nothing beyond loopback and no secret to the browser or the log", async () => {
      expect(offLoopback).toEqual([]);
      expect(bodies.length).toBeGreaterThan(10);
      for (const secret of portal.secrets) {
        expect(secret.length).toBeGreaterThan(8);
        for (const body of bodies) expect(body).not.toContain(secret);
        for (const line of logs) expect(line).not.toContain(secret);
      }
      await context.close();
    });
  },
);
