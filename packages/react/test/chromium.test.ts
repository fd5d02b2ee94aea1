import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PORTAL_SECTIONS, type PortalEvent } from "@portalkit/core";
import { invoiceSeries, type World } from "@portalkit/core/testing";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend, type MemoryBackend } from "@portalkit/memory/testing";
import { createPortalHandler, type PortalHandler } from "@portalkit/server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  billflowEmbedProvider,
  chargebeeJsProvider,
  type IssuedSession,
} from "../../browser/test/fixtures/launch-providers";
import { type BuiltApp, buildApp, type ReactTestServer, startReactTestServer } from "./fixtures/react-test-server";

const CHROMIUM = "/usr/bin/chromium";
const IN_CI = process.env.CI === "true";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = fileURLToPath(new URL("../../../test-results/react/", import.meta.url));

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`[@portalkit/react] ${CHROMIUM} not found: skipping the Chromium tests (in CI they fail instead).`);
}

function world(): World {
  return {
    customers: [
      { id: "cus_alice", email: "alice@example.com", firstName: "Alice" },
      { id: "cus_bob", email: "bob@example.com", firstName: "Bob" },
    ],
    subscriptions: [
      {
        id: "sub_alice",
        customerId: "cus_alice",
        status: "active",
        priceId: "pro-monthly",
        quantity: 1,
        unitAmount: 2500,
        currency: "USD",
        createdAt: "2026-09-01T00:00:00Z",
        currentPeriodStart: "2026-11-01T00:00:00Z",
        currentPeriodEnd: "2026-12-01T00:00:00Z",
      },
    ],
    invoices: [
      ...invoiceSeries({ customerId: "cus_alice", subscriptionId: "sub_alice", count: 12, currency: "USD" }),
      ...invoiceSeries({ customerId: "cus_bob", count: 3, currency: "USD" }),
    ],
  };
}

interface PageState {
  events: PortalEvent[];
}

// Fails in CI when Chromium is missing (chromium.launch throws); skips elsewhere.
describe.skipIf(!HAVE_CHROMIUM && !IN_CI)("@portalkit/react in Chromium", () => {
  let browser: Browser;
  let app: BuiltApp;
  let app18: BuiltApp;
  let server: ReactTestServer;
  let backend: MemoryBackend;
  let context: BrowserContext;
  let page: Page;
  const issued: IssuedSession[] = [];
  const offLoopback: string[] = [];
  const handlers: Record<string, PortalHandler> = {};
  const sessions = new Map([["sid-alice", "cus_alice"]]);
  const authenticate = (request: Request) => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get("cookie") ?? "")?.[1];
    return sid ? (sessions.get(sid) ?? null) : null;
  };
  const mount = (name: string, provider: Parameters<typeof createPortalHandler>[0]) => {
    handlers[name] = createPortalHandler(provider, { basePath: `/api/${name}`, authenticate });
  };

  beforeAll(async () => {
    app = await buildApp("app");
    let readme: BuiltApp;
    [app18, readme] = await Promise.all([buildApp("app", 18), buildApp("readme")]);
    server = await startReactTestServer({ app, "app-18": app18, readme }, handlers);
    backend = createMemoryBackend({ world: world(), portalUrl: server.url });
    const memory = createMemoryProvider({
      fetch: backend.fetch,
      retry: { maxAttempts: 1 },
      // No cancel_subscription section, for the unsupported-section error.
      sections: PORTAL_SECTIONS.filter((section) => section !== "cancel_subscription"),
    });
    mount("memory", memory);
    mount("portal", memory);
    mount("chargebee", chargebeeJsProvider(memory, server.url, issued));
    mount("billflow", billflowEmbedProvider(memory, "bf_secret_react_tests_0123"));
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync", "--no-first-run"],
      // Playwright turns the popup blocker off by default; the new-window redirects need it on.
      ignoreDefaultArgs: ["--disable-popup-blocking"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    backend.reset();
    backend.seed(world());
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addCookies([{ name: "sid", value: "sid-alice", url: server.url }]);
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      offLoopback.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
  });

  afterEach(async () => {
    await context?.close();
  });

  const open = async (query: string) => {
    await page.goto(`${server.url}/?${query}`);
    await page.waitForSelector("#customer-email");
    await page.waitForSelector(".invoice");
  };
  const events = () => page.evaluate(() => (window as unknown as { portalTest: PageState }).portalTest.events);
  const reads = (api: string, route: string) =>
    server.log.filter((entry) => entry.method === "GET" && entry.path.startsWith(`/api/${api}/${route}`)).length;
  const statusOf = (id: string) => page.locator(`.status[data-id="${id}"]`).textContent();
  const statusBecomes = (id: string, status: string) =>
    page.waitForFunction(([id, status]) => document.querySelector(`.status[data-id="${id}"]`)?.textContent === status, [
      id,
      status,
    ] as const);
  // What the customer does in the vendor's portal: the subscription changes at the vendor.
  const cancelAtTheVendor = () =>
    createMemoryProvider({ fetch: backend.fetch, retry: { maxAttempts: 1 } }).cancel({
      customerId: "cus_alice",
      subscriptionId: "sub_alice",
      when: "period_end",
    });

  it("the page bundle holds the bindings, the browser package and React: no zod, no SDK, no server code", () => {
    const inputs = Object.keys(app.metafile.inputs);
    expect(inputs.some((input) => input.includes("packages/react/src/"))).toBe(true);
    expect(inputs.some((input) => input.includes("packages/browser/src/"))).toBe(true);
    for (const input of inputs) {
      expect(input).toMatch(
        /^(packages\/(react|browser)\/src\/|packages\/react\/test\/fixtures\/app\.tsx$|node_modules\/(react|react-dom|scheduler)\/)/,
      );
    }
    // The React 18 page takes React from test/react-18, not the workspace's React 19.
    const inputs18 = Object.keys(app18.metafile.inputs).filter((input) => /node_modules\/react(-dom)?\//.test(input));
    expect(inputs18.length).toBeGreaterThan(0);
    for (const input of inputs18) expect(input).toMatch(/^test\/react-18\/node_modules\//);
  });

  it("reads the customer, the subscriptions and the first page of invoices, and pages through them", async () => {
    await open("api=memory");
    expect(await page.textContent("#customer-email")).toBe("alice@example.com");
    expect(await statusOf("sub_alice")).toBe("active");
    const ids = () => page.locator(".invoice").allTextContents();
    const firstPage = await ids();
    expect(firstPage).toEqual([0, 1, 2, 3, 4].map((i) => `in_cus_alice_00000${i}`));
    expect(await page.isDisabled("#previous")).toBe(true);

    const firstIs = (id: string) =>
      page.waitForFunction((id) => document.querySelector(".invoice")?.textContent === id, id);
    await page.click("#next");
    await firstIs("in_cus_alice_000005");
    expect(await ids()).toEqual([5, 6, 7, 8, 9].map((i) => `in_cus_alice_${String(i).padStart(6, "0")}`));
    await page.click("#next");
    await firstIs("in_cus_alice_000010");
    expect(await ids()).toEqual(["in_cus_alice_000010", "in_cus_alice_000011"]);
    expect(await page.isDisabled("#next")).toBe(true);

    await page.click("#previous");
    await firstIs("in_cus_alice_000005");
    await page.click("#previous");
    await firstIs("in_cus_alice_000000");
    expect(await ids()).toEqual(firstPage);
    const invoiceReads = server.log.filter((entry) => entry.path.startsWith("/api/memory/invoices"));
    expect(invoiceReads.map((entry) => entry.path.includes("cursor="))).toEqual([false, true, true, true, false]);
    for (const entry of invoiceReads) expect(entry.path).toContain("limit=5");
    await page.screenshot({ path: join(SCREENSHOTS, "data-hooks.png") });
  });

  it("chargebee-js: opens the subscription section with the server's session, and re-reads once it closes", async () => {
    await open("api=chargebee");
    const before = { customer: reads("chargebee", "customer"), invoices: reads("chargebee", "invoices") };
    await page.click("#open-section");
    await page.waitForSelector("#cb-portal-stand-in");
    const calls = await page.evaluate(
      () =>
        (window as unknown as { __chargebeeStandIn: { calls: Array<{ method: string; args: unknown }> } })
          .__chargebeeStandIn.calls,
    );
    expect(calls.map((call) => call.method)).toEqual([
      "init",
      "setPortalSession",
      "createChargebeePortal",
      "openSection",
      "portalSession",
    ]);
    expect(calls[3]?.args).toMatchObject({
      forwardOptions: { sectionType: "sub_details", params: { subscriptionId: "sub_alice" } },
    });
    expect(calls[4]?.args).toMatchObject({ customer_id: "cus_alice", token: issued.at(-1)?.token });
    expect(server.log.filter((entry) => entry.path === "/api/chargebee/launch").map((e) => e.method)).toEqual(["POST"]);
    await page.screenshot({ path: join(SCREENSHOTS, "chargebee-js.png") });

    // The customer schedules the cancellation in the portal; the page learns it when it closes.
    await cancelAtTheVendor();
    expect(await statusOf("sub_alice")).toBe("active");
    await page.click('[data-callback="close"]');
    await statusBecomes("sub_alice", "cancel_scheduled");
    expect(reads("chargebee", "customer")).toBeGreaterThan(before.customer);
    expect(reads("chargebee", "invoices")).toBeGreaterThan(before.invoices);
    expect((await events()).map((event) => [event.type, event.provider])).toEqual([
      ["portal.loaded", "chargebee"],
      ["section.visited", "chargebee"],
      ["portal.closed", "chargebee"],
    ]);
  });

  it("chargebee-js: a change the portal reports re-reads while it is still open", async () => {
    await open("api=chargebee");
    await page.click("#open-section");
    await page.waitForSelector("#cb-portal-stand-in");
    await cancelAtTheVendor();
    await page.click('[data-callback="subscriptionCancelled"]');
    await statusBecomes("sub_alice", "cancel_scheduled");
    expect(await page.isVisible("#cb-portal-stand-in")).toBe(true);
  });

  it("billflow-embed: opens the subscription section in the container given in launchOptions", async () => {
    await open("api=billflow");
    await page.click("#open-section");
    await page.waitForSelector("#portal-container #billflow-embed h2");
    const runs = await page.evaluate(
      () =>
        (window as unknown as { __billflowStandIn: { runs: Array<{ settings: Record<string, unknown> }> } })
          .__billflowStandIn.runs,
    );
    expect(runs.map((run) => run.settings)).toEqual([
      expect.objectContaining({
        customer_id: "cus_alice",
        subscription_id: "sub_alice",
        billing_page_id: "bp_portal_test",
      }),
    ]);
    await page.waitForFunction(() => (window as unknown as { portalTest: PageState }).portalTest.events.length > 0);
    expect((await events())[0]).toMatchObject({
      type: "portal.loaded",
      provider: "billflow",
      subscriptionId: "sub_alice",
    });
    expect(await page.getAttribute("#open-section", "aria-busy")).toBe("false");
    await page.screenshot({ path: join(SCREENSHOTS, "billflow-embed.png") });
  });

  it("redirect: opens the section in a new window and re-reads when it closes", async () => {
    await open("api=memory");
    const before = reads("memory", "subscriptions");
    const [popup] = await Promise.all([context.waitForEvent("page"), page.click("#open-section")]);
    await popup.waitForURL(/\/p\//);
    expect(new URL(popup.url()).pathname).toMatch(/\/subscription_details$/);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await cancelAtTheVendor();
    await popup.close();
    await statusBecomes("sub_alice", "cancel_scheduled");
    expect(reads("memory", "subscriptions")).toBe(before + 1);
    expect((await events()).map((event) => event.type)).toEqual(["portal.closed"]);
  });

  it("redirect: the whole portal from <ManageBillingButton> without a section, in the same tab", async () => {
    await open("api=memory&target=self");
    await Promise.all([page.waitForURL(/\/p\//), page.click("#open-portal")]);
    const session = [...backend.state.sessions.values()].at(-1);
    expect(session?.customer_id).toBe("cus_alice");
    expect(page.url()).toBe(session?.url);
  });

  it("shows the server's error when the provider cannot open the section", async () => {
    await open("api=memory");
    // The memory adapter here opens no cancel_subscription section (and no fallback was asked).
    await page.click("#open-cancel");
    await page.waitForSelector("#launch-error");
    expect(await page.getAttribute("#launch-error", "data-name")).toBe("PortalApiError");
    expect(await page.getAttribute("#launch-error", "data-code")).toBe("unsupported");
    expect(await page.textContent("#launch-error")).toContain("cancel_subscription");
    expect(await page.getAttribute("#open-cancel", "aria-busy")).toBe("false");
    expect(context.pages()).toHaveLength(1);
  });

  it("shows the page's error when the vendor script does not load", async () => {
    await open("api=chargebee&script=missing");
    await page.click("#open-section");
    const alert = page.locator('#open-section + [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Could not load /vendor/missing.js");
    await page.click("#open-cancel");
    await page.waitForSelector("#launch-error");
    expect(await page.getAttribute("#launch-error", "data-name")).toBe("PortalLaunchError");
    expect(await page.getAttribute("#launch-error", "data-code")).toBe("script_failed");
  });

  it("shows a base path where no handler is mounted, and a signed-out customer, as typed errors", async () => {
    await page.goto(`${server.url}/?api=missing`);
    await page.waitForSelector("#customer-error");
    expect(await page.getAttribute("#customer-error", "data-code")).toBe("not_found");
    await page.click("#open-portal");
    const alert = page.locator('#open-portal + [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe("No such portal route");

    await context.clearCookies();
    await page.goto(`${server.url}/?api=memory`);
    await page.waitForSelector("#invoices-error");
    expect(await page.getAttribute("#invoices-error", "data-code")).toBe("unauthenticated");
    expect(await page.getAttribute("#customer-error", "data-status")).toBe("401");
    await page.click("#open-portal");
    await page.locator('#open-portal + [role="alert"]').waitFor();
    expect(context.pages()).toHaveLength(1);
    await page.screenshot({ path: join(SCREENSHOTS, "errors.png") });
  });

  it("React 18: the same page reads, pages and opens the portal", async () => {
    await open("api=chargebee&react=18");
    expect(server.log.some((entry) => entry.path === "/app-18.js")).toBe(true);
    expect(await page.textContent("#customer-email")).toBe("alice@example.com");
    await page.click("#next");
    await page.waitForFunction(() => document.querySelector(".invoice")?.textContent === "in_cus_alice_000005");
    await page.click("#open-section");
    await page.waitForSelector("#cb-portal-stand-in");
    await cancelAtTheVendor();
    await page.click('[data-callback="close"]');
    await statusBecomes("sub_alice", "cancel_scheduled");
  });

  it("the README's example runs: the customer, the invoices and the payment-methods section", async () => {
    await page.goto(`${server.url}/readme`);
    await page.waitForFunction(() => document.querySelector("#email")?.textContent === "alice@example.com");
    await page.waitForSelector("li");
    expect(await page.locator("li").count()).toBe(10);
    await Promise.all([page.waitForURL(/\/p\//), page.click("text=Update card")]);
    expect(new URL(page.url()).pathname).toMatch(/\/payment_sources$/);
  });

  it("sent no request off the loopback interface", () => {
    expect(offLoopback).toEqual([]);
  });
});
