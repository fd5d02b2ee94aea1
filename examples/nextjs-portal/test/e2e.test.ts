import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const IN_CI = process.env.CI === "true";
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const app = fileURLToPath(new URL("..", import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL("../../../test-results/nextjs-portal/", import.meta.url));
const run = promisify(execFile);
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`[examples/nextjs-portal] ${CHROMIUM} not found: skipping the Chromium test (in CI it fails instead).`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Builds the app as `npm run build` does (the portalkit packages it uses, then `next build`),
// starts `next start` on a free loopback port and drives it in Chromium.
describe.skipIf(!HAVE_CHROMIUM && !IN_CI)("examples/nextjs-portal, built and started, in Chromium", () => {
  let server: ChildProcess | undefined;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const offLoopback: string[] = [];
  const output: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    await run("npm", ["run", "build"], { cwd: app, env, timeout: 480_000, maxBuffer: 16 * 1024 * 1024 });
    console.log(`[examples/nextjs-portal] npm run build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
    server = spawn(process.execPath, [next, "start", "--hostname", "127.0.0.1", "--port", `${port}`], {
      cwd: app,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    for (let attempt = 0; ; attempt++) {
      const up = await fetch(url).then(
        (response) => response.ok,
        () => false,
      );
      if (up) break;
      if (attempt > 300 || server.exitCode !== null) throw new Error(`next start did not answer:\n${output.join("")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync", "--no-first-run"],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 1100 } });
    await context.route("**/*", (route) => {
      const target = new URL(route.request().url());
      if (target.hostname === "127.0.0.1") return route.continue();
      offLoopback.push(target.href);
      return route.abort();
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGTERM");
  });

  it("before sign-in the portal routes answer 401", async () => {
    const status = await fetch(`${url}/api/portal/customer`).then((response) => response.status);
    expect(status).toBe(401);
  });

  it("signs in and shows the customer, the subscription and the first page of invoices", async () => {
    await page.goto(url);
    await page.click("#sign-in");
    await page.waitForSelector(".invoice");
    await page.waitForSelector("#customer-email");
    expect(await page.textContent("#customer-email")).toBe("ada@example.com");
    expect(await page.textContent(".subscription-status")).toBe("active");
    expect(await page.locator(".invoice").count()).toBe(10);
    expect(await page.locator(".invoice td").first().textContent()).toBe("in_cus_demo_ada_000000");
  });

  it("pages through the invoices", async () => {
    const firstIs = (id: string) =>
      page.waitForFunction((id) => document.querySelector(".invoice td")?.textContent === id, id);
    await page.click("#older");
    await firstIs("in_cus_demo_ada_000010");
    await page.click("#older");
    await firstIs("in_cus_demo_ada_000020");
    expect(await page.locator(".invoice").count()).toBe(3);
    expect(await page.isDisabled("#older")).toBe(true);
    await page.click("#newer");
    await firstIs("in_cus_demo_ada_000010");
    await page.click("#newer");
    await firstIs("in_cus_demo_ada_000000");
  });

  it("opens the subscription section in Chargebee.js; a cancellation made there shows, with its webhook", async () => {
    await page.click("#manage-subscription");
    await page.waitForSelector("#chargebee-portal");
    expect(await page.textContent('[data-testid="portal-section"]')).toBe("Section: sub_details");
    expect(await page.textContent('[data-testid="portal-customer"]')).toBe("Customer cus_demo_ada");
    await page.click('[data-testid="portal-cancel"]');
    // The portal reports it: the page re-reads while the portal is still open.
    await page.waitForFunction(
      () => document.querySelector(".subscription-status")?.textContent === "cancel_scheduled",
    );
    // The simulator delivered Chargebee's webhook to the handler /api/webhooks/chargebee mounts (Basic auth, read back by id).
    await page.waitForSelector(".activity-type");
    expect(await page.locator(".activity-type").allTextContents()).toEqual(["subscription.cancel_scheduled"]);
    await page.screenshot({ path: join(SCREENSHOTS, "portal-open.png") });
    await page.click('[data-testid="close-portal"]');
    await page.waitForSelector("#chargebee-portal", { state: "detached" });
    expect(await page.textContent("#events")).toBe(
      "portal.loaded, section.visited, subscription.cancelled, portal.closed",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "billing.png"), fullPage: true });
  });

  it("opens the payment methods section and the whole portal", async () => {
    await page.click("#payment-methods");
    await page.waitForSelector("#chargebee-portal");
    expect(await page.textContent('[data-testid="portal-section"]')).toBe("Section: portal_payment_methods");
    await page.screenshot({ path: join(SCREENSHOTS, "portal.png") });
    await page.click('[data-testid="close-portal"]');
    await page.click("#manage-billing");
    await page.waitForSelector("#chargebee-portal");
    expect(await page.textContent('[data-testid="portal-section"]')).toBe("Section: home");
    await page.click('[data-testid="close-portal"]');
  });

  it("the webhook endpoint refuses a delivery without Chargebee's credentials", async () => {
    const status = await fetch(`${url}/api/webhooks/chargebee`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: "ev_forged", event_type: "subscription_cancelled", content: {} }),
    }).then((response) => response.status);
    expect(status).toBe(401);
  });

  it("after signing out, the portal routes answer 401", async () => {
    await page.click("#sign-out");
    await page.waitForSelector("#sign-in");
    const status = await page.evaluate(async () => (await fetch("/api/portal/invoices")).status);
    expect(status).toBe(401);
    expect(offLoopback).toEqual([]);
  });
});
