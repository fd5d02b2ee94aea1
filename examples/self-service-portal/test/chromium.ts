import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const IN_CI = process.env.CI === "true";

/** Skipped outside CI when Chromium is missing (with a line saying so); in CI the launch fails instead. */
export const skipBrowser = !existsSync(CHROMIUM) && !IN_CI;
if (skipBrowser) {
  console.warn(
    `[self-service-portal] ${CHROMIUM} not found: skipping the end-to-end tests (apt-get install -y chromium; in CI they fail instead).`,
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A browser context that may only reach loopback: any other request is aborted and kept in
 * `offLoopback`, and every answer's text in `bodies`, for the checks on leaks.
 */
export async function loopbackContext(browser: Browser) {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const offLoopback: string[] = [];
  const bodies: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    offLoopback.push(url.href);
    return route.abort();
  });
  context.on("response", (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/html|json|javascript/.test(type)) {
      response.text().then(
        (text) => bodies.push(text),
        () => {},
      );
    }
  });
  return { context, offLoopback, bodies };
}

/**
 * Screenshots go to test-results/self-service-portal/; with PORTAL_SCREENSHOTS=1 they
 * replace the README's pictures in docs/screenshots/ too.
 */
export async function screenshotPaths(name: string): Promise<string[]> {
  const results = fileURLToPath(new URL("../../../test-results/self-service-portal/", import.meta.url));
  await mkdir(results, { recursive: true });
  const paths = [`${results}${name}.png`];
  if (process.env.PORTAL_SCREENSHOTS === "1") {
    paths.push(fileURLToPath(new URL(`../docs/screenshots/${name}.png`, import.meta.url)));
  }
  return paths;
}
