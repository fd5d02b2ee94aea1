import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { twoCustomers } from "@portalkit/conformance/world";
import type { PortalEvent } from "@portalkit/core";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend, type MemoryBackend } from "@portalkit/memory/testing";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { billflowEmbedProvider, chargebeeJsProvider, type IssuedSession } from "./fixtures/launch-providers";
import {
  type BuiltBundle,
  buildBrowserBundle,
  buildReadmeExample,
  mountPortal,
  startTestServer,
  type TestServer,
} from "./fixtures/test-server";

const CHROMIUM = "/usr/bin/chromium";
const IN_CI = process.env.CI === "true";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOTS = fileURLToPath(new URL("../../../test-results/browser/", import.meta.url));
const BILLFLOW_SECRET = "bf_secret_5f2a9c0e7d4b41c8a6e3";

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(
    `[@portalkit/browser] ${CHROMIUM} not found: skipping the Chromium tests (install it with apt-get install -y chromium; in CI they fail instead).`,
  );
}

interface PageState {
  events: PortalEvent[];
  errors: Array<{ name: string; code?: string; message: string }>;
  closed: Record<string, number>;
}

interface StandInCall {
  method: string;
  args: unknown;
}

// Fails in CI when Chromium is missing (chromium.launch throws); skips elsewhere.
describe.skipIf(!HAVE_CHROMIUM && !IN_CI)("@portalkit/browser in Chromium", () => {
  let browser: Browser;
  let bundle: BuiltBundle;
  let server: TestServer;
  let backend: MemoryBackend;
  let context: BrowserContext;
  let page: Page;
  const issued: IssuedSession[] = [];
  const offLoopback: string[] = [];
  const handlers: Parameters<typeof startTestServer>[0]["handlers"] = {};

  beforeAll(async () => {
    bundle = await buildBrowserBundle();
    for (const [path, text] of await buildReadmeExample()) bundle.files.set(path, text);
    server = await startTestServer({ bundle, handlers });
    backend = createMemoryBackend({ world: twoCustomers(), portalUrl: server.url });
    const memory = createMemoryProvider({ fetch: backend.fetch, retry: { maxAttempts: 1 } });
    const sessions = new Map([["sid-alice", "cus_alice"]]);
    handlers.memory = mountPortal("memory", memory, sessions);
    handlers.chargebee = mountPortal("chargebee", chargebeeJsProvider(memory, server.url, issued), sessions);
    handlers.readme = mountPortal("readme", chargebeeJsProvider(memory, server.url, issued), sessions, "/portal");
    handlers.billflow = mountPortal("billflow", billflowEmbedProvider(memory, BILLFLOW_SECRET), sessions);
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      // Playwright turns the popup blocker off by default; the redirect tests need it on.
      ignoreDefaultArgs: ["--disable-popup-blocking"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    await context.addCookies([{ name: "sid", value: "sid-alice", url: server.url }]);
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      offLoopback.push(url.href);
      return route.abort();
    });
    page = await context.newPage();
    // The page's module script has run by the load event, which goto waits for. (No
    // page.evaluate here: it would count as a user gesture.)
    await page.goto(server.url);
  });

  afterEach(async () => {
    await context?.close();
  });

  const state = () => page.evaluate(() => (window as unknown as { portalTest: PageState }).portalTest);
  const chargebeeCalls = () =>
    page.evaluate(
      () => (window as unknown as { __chargebeeStandIn: { calls: StandInCall[] } }).__chargebeeStandIn.calls,
    );
  const eventsCount = (count: number) =>
    page.waitForFunction((n) => (window as unknown as { portalTest: PageState }).portalTest.events.length >= n, count);

  it("bundles no zod, no @portalkit/core runtime, no SDK and no server code", () => {
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) expect(input).toMatch(/packages\/browser\/src\//);
    const chunks = [...bundle.files.keys()].filter((path) => path.endsWith(".js"));
    expect(chunks.some((path) => /chargebee-js-/.test(path))).toBe(true);
    expect(chunks.some((path) => /billflow-embed-/.test(path))).toBe(true);
    expect(chunks.some((path) => /redirect-/.test(path))).toBe(true);
  });

  it("chargebee-js: loads Chargebee.js, opens the section with the server's session and normalizes every callback", async () => {
    await page.click("#open-chargebee");
    await page.waitForSelector("#cb-portal-stand-in");
    await eventsCount(2);

    const calls = await chargebeeCalls();
    expect(calls.map((call) => call.method)).toEqual([
      "init",
      "setPortalSession",
      "createChargebeePortal",
      "openSection",
      "portalSession",
    ]);
    expect(calls[0]?.args).toEqual({ site: "acme-test" });
    const opened = calls[3]?.args as { forwardOptions: unknown; callbacks: string[] };
    expect(opened.forwardOptions).toEqual({ sectionType: "sub_details", params: { subscriptionId: "sub_alice" } });
    expect(opened.callbacks).toEqual(
      [
        "close",
        "loaded",
        "visit",
        "paymentSourceAdd",
        "paymentSourceUpdate",
        "paymentSourceRemove",
        "subscriptionChanged",
        "subscriptionCustomFieldsChanged",
        "subscriptionCancelled",
        "subscriptionResumed",
        "subscriptionPaused",
        "scheduledPauseRemoved",
        "scheduledCancellationRemoved",
        "subscriptionReactivated",
      ].sort(),
    );
    const session = calls[4]?.args as { token: string; customer_id: string; object: string };
    expect(session).toMatchObject({ object: "portal_session", customer_id: "cus_alice" });
    expect(issued.at(-1)).toEqual({ customerId: "cus_alice", token: session.token });

    await page.screenshot({ path: join(SCREENSHOTS, "chargebee-js.png") });

    for (const callback of [
      "visit",
      "paymentSourceAdd",
      "paymentSourceAddFailed",
      "paymentSourceUpdate",
      "paymentSourceRemove",
      "subscriptionChanged",
      "subscriptionCustomFieldsChanged",
      "subscriptionCancelled",
      "subscriptionResumed",
      "subscriptionPaused",
      "scheduledPauseRemoved",
      "scheduledCancellationRemoved",
      "subscriptionReactivated",
      "close",
    ]) {
      await page.click(`[data-callback="${callback}"]`);
    }
    await page.waitForFunction(
      () => (window as unknown as { portalTest: PageState }).portalTest.closed.chargebee === 1,
    );

    const { events, errors } = await state();
    expect(errors).toEqual([]);
    const sub = (type: string) => ({ type, provider: "chargebee", subscriptionId: "sub_alice" });
    expect(events.map(({ raw: _raw, ...event }) => event)).toEqual([
      { type: "portal.loaded", provider: "chargebee" },
      { type: "section.visited", provider: "chargebee", section: "sub_details" },
      { type: "section.visited", provider: "chargebee", section: "portal_billing_history" },
      { type: "payment_source.added", provider: "chargebee" },
      { type: "payment_source.updated", provider: "chargebee" },
      { type: "payment_source.removed", provider: "chargebee" },
      sub("subscription.changed"),
      sub("subscription.changed"),
      sub("subscription.cancelled"),
      sub("subscription.resumed"),
      sub("subscription.paused"),
      sub("subscription.changed"),
      sub("subscription.reactivated"),
      sub("subscription.reactivated"),
      { type: "portal.closed", provider: "chargebee" },
    ]);
    expect(events[6]?.raw).toEqual({ subscription: { id: "sub_alice" } });
    expect(events[3]?.raw).toBe("success");
  });

  it("chargebee-js: loads the script once per page, reuses the instance, and close() calls closeAll", async () => {
    await page.click("#open-chargebee");
    await page.waitForSelector("#cb-portal-stand-in");
    await page.evaluate(() =>
      (
        window as unknown as { portalTest: { handles: Record<string, { close(): void }> } }
      ).portalTest.handles.chargebee?.close(),
    );
    await page.waitForFunction(
      () => (window as unknown as { portalTest: PageState }).portalTest.closed.chargebee === 1,
    );
    await page.click("#open-chargebee");
    await page.waitForSelector("#cb-portal-stand-in");

    const calls = await chargebeeCalls();
    expect(calls.filter((call) => call.method === "init")).toHaveLength(1);
    expect(calls.filter((call) => call.method === "closeAll")).toHaveLength(1);
    expect(calls.filter((call) => call.method === "openSection")).toHaveLength(2);
    const tokens = calls
      .filter((call) => call.method === "portalSession")
      .map((call) => (call.args as { token: string }).token);
    expect(new Set(tokens).size).toBe(2);
    expect(
      await page.evaluate(
        () => (window as unknown as { __chargebeeStandIn: { loads: number } }).__chargebeeStandIn.loads,
      ),
    ).toBe(1);
    expect(await page.locator('script[src="/vendor/chargebee.js"]').count()).toBe(1);
    const { events } = await state();
    expect(events.filter((event) => event.type === "portal.closed")).toHaveLength(1);
  });

  it("chargebee-js: uses the page's own Chargebee.js instance when the page initialised it", async () => {
    await page.addScriptTag({ url: "/vendor/chargebee.js" });
    await page.evaluate(() =>
      (window as unknown as { Chargebee: { init(o: object): unknown } }).Chargebee.init({ site: "acme-test" }),
    );
    await page.click("#open-chargebee");
    await page.waitForSelector("#cb-portal-stand-in");
    const calls = await chargebeeCalls();
    expect(calls.map((call) => call.method).slice(0, 3)).toEqual(["init", "getInstance", "setPortalSession"]);
    expect(await page.locator('script[src="/vendor/chargebee.js"]').count()).toBe(1);
  });

  type Logout = (portal: { kind: string; [field: string]: unknown }, options?: { scriptUrl?: string }) => Promise<void>;
  const callLogout = (portal: { kind: string; [field: string]: unknown }, scriptUrl?: string) =>
    page.evaluate(
      async ([target, url]) => {
        const { logout } = (window as unknown as { portalkit: { logout: Logout } }).portalkit;
        try {
          await logout(target, url ? { scriptUrl: url } : {});
          return { ok: true as const };
        } catch (e) {
          const error = e as { name: string; code?: string; message: string };
          return { ok: false as const, name: error.name, code: error.code, message: error.message };
        }
      },
      [portal, scriptUrl] as const,
    );

  it("chargebee-js logout: ends the portal session Chargebee.js holds for a launch the page ran", async () => {
    await page.click("#open-chargebee");
    await page.waitForSelector("#cb-portal-stand-in");
    const launched = await chargebeeCalls();
    expect(await callLogout({ kind: "chargebee-js", site: "acme-test" }, "/vendor/chargebee.js")).toEqual({
      ok: true,
    });
    const calls = await chargebeeCalls();
    // The same instance logs out: no second load, no second init.
    expect(calls.slice(0, launched.length)).toEqual(launched);
    expect(calls.slice(launched.length).map((call) => call.method)).toEqual(["logout"]);
    expect(
      await page.evaluate(
        () => (window as unknown as { __chargebeeStandIn: { loads: number } }).__chargebeeStandIn.loads,
      ),
    ).toBe(1);
  });

  it("chargebee-js logout: on a page that has not loaded Chargebee.js, loads it, initialises it for the site and logs out", async () => {
    expect(await page.evaluate(() => "Chargebee" in window)).toBe(false);
    expect(
      await callLogout(
        { kind: "chargebee-js", site: "acme-test", domain: "billing.acme.test" },
        "/vendor/chargebee.js",
      ),
    ).toEqual({ ok: true });
    const calls = await chargebeeCalls();
    expect(calls).toEqual([
      { method: "init", args: { site: "acme-test", domain: "billing.acme.test" } },
      { method: "logout", args: null },
    ]);
    // A launch after the logout runs on the same instance with the new session.
    await page.click("#open-chargebee");
    await page.waitForSelector("#cb-portal-stand-in");
    const after = await chargebeeCalls();
    expect(after.filter((call) => call.method === "init")).toHaveLength(1);
    expect(after.at(-1)?.method).toBe("portalSession");
  });

  it("chargebee-js logout: uses the page's own Chargebee.js instance", async () => {
    await page.addScriptTag({ url: "/vendor/chargebee.js" });
    await page.evaluate(() =>
      (window as unknown as { Chargebee: { init(o: object): unknown } }).Chargebee.init({ site: "acme-test" }),
    );
    expect(await callLogout({ kind: "chargebee-js", site: "acme-test" })).toEqual({ ok: true });
    expect((await chargebeeCalls()).map((call) => call.method)).toEqual(["init", "getInstance", "logout"]);
    expect(await page.locator('script[src="/vendor/chargebee.js"]').count()).toBe(1);
  });

  it("logout: kinds without a portal session in the page resolve doing nothing; an unknown kind rejects", async () => {
    expect(await callLogout({ kind: "redirect" })).toEqual({ ok: true });
    expect(await callLogout({ kind: "billflow-embed" })).toEqual({ ok: true });
    expect(await page.evaluate(() => "Chargebee" in window || "billflowSettings" in window)).toBe(false);
    expect(await callLogout({ kind: "iframe" })).toEqual({
      ok: false,
      name: "PortalLaunchError",
      code: "unknown_kind",
      message: expect.stringContaining("iframe"),
    });
  });

  it("chargebee-js logout: a Chargebee.js that fails to load rejects with script_failed", async () => {
    expect(await callLogout({ kind: "chargebee-js", site: "acme-test" }, "/vendor/missing.js")).toMatchObject({
      ok: false,
      name: "PortalLaunchError",
      code: "script_failed",
    });
  });

  it("the README example runs: the portal opens from the click, and sign-out logs Chargebee.js out before leaving", async () => {
    const standIn = await readFile(new URL("./fixtures/chargebee-js-stand-in.js", import.meta.url), "utf8");
    // The example loads Chargebee.js from its CDN: the stand-in answers for it, on this page.
    await page.route("https://js.chargebee.com/v2/chargebee.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: standIn }),
    );
    const console: string[] = [];
    page.on("console", (message) => console.push(message.text()));
    await page.goto(`${server.url}/readme.html`);
    await page.click("#billing");
    await page.waitForSelector("#cb-portal-stand-in");
    const opened = await chargebeeCalls();
    expect(opened.map((call) => call.method)).toEqual([
      "init",
      "setPortalSession",
      "createChargebeePortal",
      "open",
      "portalSession",
    ]);
    expect(opened[0]?.args).toEqual({ site: "acme-test" });
    // Closing the portal reloads the page.
    await Promise.all([page.waitForEvent("load"), page.click('[data-callback="close"]')]);
    expect(console).toContain("portal.loaded undefined");
    expect(await page.evaluate(() => "Chargebee" in window)).toBe(false);

    await Promise.all([page.waitForURL(`${server.url}/sign-out`), page.click("#sign-out")]);
    const logouts = await page.evaluate(() => sessionStorage.getItem("chargebee-js-stand-in:logouts"));
    expect(JSON.parse(logouts ?? "null")).toEqual([{ site: "acme-test" }]);
  });

  it("billflow-embed: sets billflowSettings, renders into the container and normalizes handleResponse events", async () => {
    await page.click("#open-billflow");
    await page.waitForSelector("#portal-container #billflow-embed h2");
    await eventsCount(1);

    const runs = await page.evaluate(
      () =>
        (window as unknown as { __billflowStandIn: { runs: Array<Record<string, unknown>> } }).__billflowStandIn.runs,
    );
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual({
      settings: {
        billing_page_id: "bp_portal_test",
        customer_id: "cus_alice",
        subscription_id: "sub_alice",
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
      handleResponse: "function",
      containerId: "portal-container",
    });
    await page.screenshot({ path: join(SCREENSHOTS, "billflow-embed.png") });

    for (const event of [
      "pre_subscribe",
      "create_subscription",
      "select_plan",
      "pre_change_plan",
      "change_plan",
      "pre_resubscribe",
      "resubscribe",
    ]) {
      await page.click(`[data-event="${event}"]`);
    }
    await eventsCount(4);
    await page.evaluate(() =>
      (
        window as unknown as { portalTest: { handles: Record<string, { close(): void }> } }
      ).portalTest.handles.billflow?.close(),
    );
    await page.waitForFunction(() => (window as unknown as { portalTest: PageState }).portalTest.closed.billflow === 1);

    const { events, errors } = await state();
    expect(errors).toEqual([]);
    expect(events.map(({ raw: _raw, ...event }) => event)).toEqual([
      { type: "portal.loaded", provider: "billflow", subscriptionId: "sub_alice" },
      { type: "subscription.created", provider: "billflow", subscriptionId: "sub_alice" },
      { type: "subscription.changed", provider: "billflow", subscriptionId: "sub_alice" },
      { type: "subscription.reactivated", provider: "billflow", subscriptionId: "sub_alice" },
      { type: "portal.closed", provider: "billflow" },
    ]);
    expect(await page.locator("#billflow-embed").count()).toBe(0);
    expect(await page.evaluate(() => "billflowSettings" in window)).toBe(false);
  });

  it("billflow-embed: the Billflow secret never reaches the browser", async () => {
    await page.click("#open-billflow");
    await page.waitForSelector("#billflow-embed h2");
    expect(await page.content()).not.toContain(BILLFLOW_SECRET);
    for (const body of server.bodies) expect(body).not.toContain(BILLFLOW_SECRET);
    for (const code of bundle.files.values()) expect(code).not.toContain(BILLFLOW_SECRET);
  });

  it("redirect: sends the same tab to the hosted portal", async () => {
    await Promise.all([page.waitForURL(/\/p\//), page.click("#open-redirect")]);
    expect(new URL(page.url()).pathname).toMatch(/^\/p\/[^/]+\/billing_history$/);
    await page.waitForSelector("text=Hosted billing portal (stand-in)");
    const session = [...backend.state.sessions.values()].at(-1);
    expect(session?.customer_id).toBe("cus_alice");
    expect(page.url()).toBe(session?.url);
    await page.screenshot({ path: join(SCREENSHOTS, "redirect.png") });
  });

  it("redirect: opens a new window from the click, without an opener, and reports when it closes", async () => {
    const [popup] = await Promise.all([context.waitForEvent("page"), page.click("#open-redirect-blank")]);
    await popup.waitForURL(/\/p\//);
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    await popup.close();
    await page.waitForFunction(() => (window as unknown as { portalTest: PageState }).portalTest.closed.memory === 1);
    const { events, errors } = await state();
    expect(errors).toEqual([]);
    expect(events.map(({ raw: _raw, ...event }) => event)).toEqual([{ type: "portal.closed", provider: "memory" }]);
  });

  it("redirect: a window opened outside a click is blocked and rejects telling the app to launch from the click", async () => {
    // page.evaluate runs as a user gesture; Runtime.evaluate without one is a launch that no
    // click started, as after a slow fetch or a timer.
    const cdp = await context.newCDPSession(page);
    const { result } = (await cdp.send("Runtime.evaluate", {
      expression: `(async () => {
        const active = navigator.userActivation.isActive;
        try {
          await window.portalkit.launch(
            { kind: "redirect", provider: "memory", url: location.origin + "/p/blocked" },
            { target: "blank" },
          );
          return { active, error: null };
        } catch (e) {
          return { active, error: { name: e.name, code: e.code, message: e.message } };
        }
      })()`,
      awaitPromise: true,
      returnByValue: true,
      userGesture: false,
    })) as { result: { value: { active: boolean; error: unknown } } };
    expect(result.value.active).toBe(false);
    expect(result.value.error).toEqual({
      name: "PortalLaunchError",
      code: "popup_blocked",
      message: expect.stringMatching(/click/),
    });
    expect(context.pages()).toHaveLength(1);
  });

  it("rejects with a clear error when the vendor script fails to load, and loads it on the next try", async () => {
    const first = await page.evaluate(async () => {
      const { launch } = (window as unknown as { portalkit: { launch: typeof import("../src").launch } }).portalkit;
      const response = await fetch("/api/chargebee/launch", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      const portalLaunch = await response.json();
      const outcome = await launch(portalLaunch, { scriptUrl: "/vendor/missing.js" }).then(
        () => null,
        (e: { name: string; code: string; message: string }) => ({ name: e.name, code: e.code, message: e.message }),
      );
      const retry = await launch(portalLaunch, { scriptUrl: "/vendor/chargebee.js" }).then(
        () => "opened",
        (e: Error) => e.message,
      );
      return { outcome, retry, scripts: document.querySelectorAll('script[src="/vendor/missing.js"]').length };
    });
    expect(first.outcome).toEqual({
      name: "PortalLaunchError",
      code: "script_failed",
      message: expect.stringContaining("/vendor/missing.js"),
    });
    expect(first.scripts).toBe(0);
    expect(first.retry).toBe("opened");
    expect(server.log).toContainEqual({ method: "GET", path: "/vendor/missing.js", status: 404 });
  });

  it("rejects a launch of an unknown kind without loading any driver", async () => {
    const result = await page.evaluate(async () => {
      const { launch } = (window as unknown as { portalkit: { launch: typeof import("../src").launch } }).portalkit;
      const before = performance.getEntriesByType("resource").length;
      const unknown = { kind: "iframe", provider: "x", url: "https://example.invalid" } as unknown as Parameters<
        typeof launch
      >[0];
      const error = await launch(unknown).catch((e: { name: string; code: string; message: string }) => ({
        name: e.name,
        code: e.code,
        message: e.message,
      }));
      return { error, loaded: performance.getEntriesByType("resource").length - before };
    });
    expect(result.error).toEqual({
      name: "PortalLaunchError",
      code: "unknown_kind",
      message: expect.stringContaining("iframe"),
    });
    expect(result.loaded).toBe(0);
  });

  it("runs a launch kind registered from outside the package, with the context every driver gets", async () => {
    const result = await page.evaluate(async () => {
      const { launch, registerDriver } = (
        window as unknown as { portalkit: Pick<typeof import("../src"), "launch" | "registerDriver"> }
      ).portalkit;
      const events: string[] = [];
      registerDriver<{ kind: "acme-frame"; provider: string; label: string }>("acme-frame", async () => ({
        run: async (arrived, { emit, end }) => {
          const frame = document.body.appendChild(document.createElement("div"));
          frame.id = "acme-frame";
          frame.textContent = arrived.label;
          emit({ type: "portal.loaded", raw: arrived.label });
          return () => {
            frame.remove();
            end("closed by app");
          };
        },
      }));
      const handle = await launch({ kind: "acme-frame", provider: "acme", label: "Acme portal" } as never, {
        onEvent: (event) => events.push(`${event.provider}:${event.type}`),
      });
      const shown = document.getElementById("acme-frame")?.textContent;
      handle.close();
      await handle.closed;
      return { shown, events, removed: document.getElementById("acme-frame") === null };
    });
    expect(result).toEqual({
      shown: "Acme portal",
      events: ["acme:portal.loaded", "acme:portal.closed"],
      removed: true,
    });
  });

  it("loads a driver chunk only when a launch of its kind runs", async () => {
    const chunks = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => /^\/portalkit\/(chargebee-js|billflow-embed|redirect)-/.test(path)),
      );
    expect(await chunks()).toEqual([]);
    await page.click("#open-billflow");
    await page.waitForSelector("#billflow-embed h2");
    const loaded = await chunks();
    expect(loaded).toHaveLength(1);
    expect(loaded[0]).toMatch(/billflow-embed-/);
  });

  it("sent no request off the loopback interface", () => {
    expect(offLoopback).toEqual([]);
  });
});
