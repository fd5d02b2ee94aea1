import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config";
import { type RunningPortal, startPortal } from "../src/start-portal";
import { parseRaw, rawRequest, streamBody, tricklingBody } from "./stream-probe";

// An attacker's probes against the example portal over HTTP, on every CI run (no browser
// needed): oversized and slow bodies, open redirects, Host/Origin forgery, method confusion,
// bad encodings, and one customer reaching for another's data on every route.

const MB = 1024 * 1024;
const ALICE = { email: "alice@example.com", customerId: "cus_demo_alice", subscriptionId: "sub_demo_alice" };
const BRUNO = { email: "bruno@example.com", customerId: "cus_demo_bruno", subscriptionId: "sub_demo_bruno" };

let portal: RunningPortal;
let port: number;
const logs: string[] = [];

beforeAll(async () => {
  portal = await startPortal(
    { ...readConfig({ PORTAL_PROVIDER: "stripe" }), port: 0 },
    { log: (line) => logs.push(line) },
  );
  port = portal.port;
});
afterAll(async () => {
  await portal?.close();
});

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${portal.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: portal.url, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }),
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

function get(path: string, cookie?: string, init: RequestInit = {}) {
  return fetch(`${portal.url}${path}`, {
    redirect: "manual",
    ...init,
    headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string> | undefined) },
  });
}

function postJson(path: string, cookie: string, body: unknown, headers: Record<string, string> = {}) {
  return get(path, cookie, {
    method: "POST",
    headers: { origin: portal.url, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("oversized and slow bodies", () => {
  it("stops reading a 300 MB chunked sign-in at the limit: 413, memory grows by at most 16 MB", async () => {
    const before = process.memoryUsage().rss;
    const result = await streamBody(portal.url, "/sign-in", 300 * MB, {
      origin: portal.url,
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(result.status).toBe(413);
    expect(result.sent).toBeLessThan(300 * MB);
    expect(result.peakRss - before).toBeLessThanOrEqual(16 * MB);
  });

  it("answers 413 with a page for a sign-in or address form over 16 KiB", async () => {
    const big = `email=${"a".repeat(20 * 1024)}`;
    const signIn = await get("/sign-in", undefined, {
      method: "POST",
      headers: { origin: portal.url, "content-type": "application/x-www-form-urlencoded" },
      body: big,
    });
    expect(signIn.status).toBe(413);
    expect(await signIn.text()).toContain("too large");
    const cookie = await signInAs(ALICE.email);
    const address = await get("/account/address", cookie, {
      method: "POST",
      headers: { origin: portal.url, "content-type": "application/x-www-form-urlencoded" },
      body: `kind=billing&line1=${"x".repeat(20 * 1024)}`,
    });
    expect(address.status).toBe(413);
  });

  it("refuses a declared Content-Length over the limit before reading, and cuts a trickle past it", async () => {
    const answer = parseRaw(
      await rawRequest(
        port,
        `POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 400000000\r\n\r\nemail=`,
      ),
    );
    expect(answer.status).toBe(413);
    const trickle = await tricklingBody(portal.url, "/sign-in", 100, 1024, {
      origin: portal.url,
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(trickle.status).toBe(413);
  });
});

async function signInAs(email: string) {
  return signIn(email);
}

describe("Host and Origin forgery", () => {
  it("refuses a request for another Host (DNS rebinding), with a matching Origin too", async () => {
    const rebound = parseRaw(
      await rawRequest(
        port,
        `POST /sign-in HTTP/1.1\r\nHost: rebind.evil.example:${port}\r\nOrigin: http://rebind.evil.example:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 23\r\nConnection: close\r\n\r\nemail=alice%40example.com`,
      ),
    );
    expect(rebound.status).toBe(421);
    expect(rebound.headers).not.toMatch(/set-cookie/i);
    expect(rebound.body).toContain("not served under that name");
    const page = parseRaw(
      await rawRequest(port, `GET /sign-in HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`),
    );
    expect(page.status).toBe(421);
  });

  it("answers under the loopback names of its own port", async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = parseRaw(
        await rawRequest(port, `GET /sign-in HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      );
      expect(answer.status, host).toBe(200);
    }
  });

  it("refuses a form posted from another origin", async () => {
    const response = await get("/sign-in", undefined, {
      method: "POST",
      headers: { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: ALICE.email }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("builds return links from its public origin, whatever the Host said", async () => {
    const cookie = await signIn(ALICE.email);
    const answer = parseRaw(
      await rawRequest(
        port,
        `POST /account/payment-method HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: http://localhost:${port}\r\nCookie: ${cookie}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    );
    expect(answer.status).toBe(200);
    const launch = JSON.parse(answer.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, "")) as { url: string };
    expect(launch.url.startsWith(`${portal.url}/simulated/page?`)).toBe(true);
    const session = portal.simulators?.stripe.sessions.at(-1);
    expect(session?.return_url).toBe(`${portal.url}/account`);
  });
});

describe("open redirects", () => {
  it("refuses a returnUrl off the app's origins on /api/portal/session and /launch", async () => {
    const cookie = await signIn(ALICE.email);
    for (const path of ["/api/portal/session", "/api/portal/launch"]) {
      for (const returnUrl of [
        "https://evil.example/phish",
        `http://127.0.0.1:${port}@evil.example/`,
        `HTTP://EVIL.EXAMPLE:${port}/`,
        `http://127.0.0.1:${port + 1}/account`,
        "//evil.example/",
        "javascript:alert(1)",
      ]) {
        const response = await postJson(path, cookie, { returnUrl });
        expect(response.status, `${path} ${returnUrl}`).toBe(400);
        expect(await response.json()).toMatchObject({ error: { code: "invalid_input", field: "returnUrl" } });
      }
      const own = await postJson(path, cookie, { returnUrl: `${portal.url}/account` });
      expect(own.status).toBe(200);
    }
  });
});

describe("method confusion", () => {
  it("answers TRACE, an absolute-form target and an invalid Host with a 4xx and a body", async () => {
    for (const [text, status] of [
      [`TRACE / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 405],
      [`GET http://evil.example/account HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 400],
      [`GET /account HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n`, 400],
    ] as const) {
      const answer = parseRaw(await rawRequest(port, text));
      expect(answer.status, text).toBe(status);
      expect(answer.body.trim(), text).not.toBe("");
    }
  });

  it("answers HEAD on GET pages like GET, without a body", async () => {
    const cookie = await signIn(ALICE.email);
    for (const path of ["/sign-in", "/account", "/account/invoices", "/account/address"]) {
      const [head, full] = [await get(path, cookie, { method: "HEAD" }), await get(path, cookie)];
      expect(head.status, path).toBe(full.status);
      expect(head.status, path).toBe(path === "/sign-in" ? 303 : 200);
      expect(await head.text()).toBe("");
    }
  });

  it("does not cancel on GET, PUT or DELETE", async () => {
    const cookie = await signIn(BRUNO.email);
    const before = portal.simulators?.stripe.subscription(BRUNO.subscriptionId)?.status;
    for (const method of ["GET", "PUT", "DELETE"]) {
      const response = await get("/account/cancel", cookie, {
        method,
        ...(method === "GET" ? {} : { body: "when=now" }),
      });
      expect(response.status, method).toBeLessThan(500);
    }
    expect(portal.simulators?.stripe.subscription(BRUNO.subscriptionId)?.status).toBe(before);
  });
});

describe("bad encodings and bad links", () => {
  it("answers 400 with a page for a bad % escape in an invoice PDF link, as the API does", async () => {
    const cookie = await signIn(ALICE.email);
    const page = await get("/account/invoices/%E0%A4%A/pdf", cookie);
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("This invoice link is not valid");
    const api = await get("/api/portal/invoices/%E0%A4%A/pdf", cookie);
    expect(api.status).toBe(400);
  });

  it("says plainly that a bad invoices cursor is not a valid link", async () => {
    const cookie = await signIn(ALICE.email);
    const page = await get("/account/invoices?cursor=not-a-cursor", cookie);
    expect(page.status).toBe(400);
    const text = await page.text();
    expect(text).toContain("This link to a page of invoices is not valid");
    expect(text).not.toContain("Check the highlighted fields");
  });

  it("logs a 15 000-character path bounded", async () => {
    const cookie = await signIn(ALICE.email);
    const long = `/api/portal/subscriptions/${"x".repeat(15_000)}`;
    await get(long, cookie);
    const line = logs.find((entry) => entry.includes("xxxxxxxx"));
    expect(line).toBeDefined();
    expect(line?.length).toBeLessThan(600);
    expect(line).toContain("15026 characters");
  });
});

describe("sessions", () => {
  it("revokes the session on sign-out: the old cookie answers 401 on the API and the sign-in page on pages", async () => {
    const cookie = await signIn(ALICE.email);
    expect((await get("/api/portal/invoices", cookie)).status).toBe(200);
    const out = await get("/sign-out", cookie, { method: "POST", headers: { origin: portal.url } });
    expect(out.status).toBe(303);
    const api = await get("/api/portal/invoices", cookie);
    expect(api.status).toBe(401);
    const page = await get("/account", cookie);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/sign-in");
    // Another session of the same customer is not affected.
    const other = await signIn(ALICE.email);
    expect((await get("/api/portal/invoices", other)).status).toBe(200);
  });
});

describe("IDOR: Alice reaching for Bruno's data on every route", () => {
  it("answers 404 (or nothing of his) on every page and API route", async () => {
    const alice = await signIn(ALICE.email);
    const bruno = await signIn(BRUNO.email);
    const sims = portal.simulators;
    if (!sims) throw new Error("the demo runs on the simulators");
    const before = sims.stripe.subscription(BRUNO.subscriptionId)?.status;

    const { data } = (await (await get("/api/portal/invoices", bruno)).json()) as { data: Array<{ id: string }> };
    const BRUNO_INVOICE = data[0]?.id ?? "";
    expect(BRUNO_INVOICE).toMatch(/^in_bruno_/);
    const brunoPdf = await get(`/api/portal/invoices/${BRUNO_INVOICE}/pdf`, bruno);
    expect(brunoPdf.status).toBe(200);
    const { url: pdfLink } = (await brunoPdf.json()) as { url: string };
    const pdfPath = pdfLink.slice(portal.url.length);
    expect((await get(pdfPath, bruno)).status).toBe(200);

    const brunoLaunch = await postJson("/api/portal/launch", bruno, {});
    const { url: pageLink } = (await brunoLaunch.json()) as { url: string };
    const pagePath = pageLink.slice(portal.url.length);
    expect((await get(pagePath, bruno)).status).toBe(200);

    const probes: Array<[string, Promise<Response>]> = [
      ["page PDF", get(`/account/invoices/${BRUNO_INVOICE}/pdf`, alice)],
      ["simulated PDF", get(pdfPath, alice)],
      ["simulated PDF signed out", get(pdfPath)],
      ["simulated portal page", get(pagePath, alice)],
      ["simulated portal page signed out", get(pagePath)],
      ["API PDF", get(`/api/portal/invoices/${BRUNO_INVOICE}/pdf`, alice)],
      ["API subscription", get(`/api/portal/subscriptions/${BRUNO.subscriptionId}`, alice)],
      ["API cancel", postJson(`/api/portal/subscriptions/${BRUNO.subscriptionId}/cancel`, alice, { when: "now" })],
      ["API reactivate", postJson(`/api/portal/subscriptions/${BRUNO.subscriptionId}/reactivate`, alice, {})],
      [
        "API launch",
        postJson("/api/portal/launch", alice, { section: "cancel_subscription", subscriptionId: BRUNO.subscriptionId }),
      ],
      [
        "API address",
        postJson("/api/portal/address", alice, {
          kind: "shipping",
          subscriptionId: BRUNO.subscriptionId,
          address: { line1: "1 Evil St", country: "US" },
        }),
      ],
    ];
    for (const [name, pending] of probes) {
      const response = await pending;
      expect(response.status, name).toBe(404);
      const text = await response.text();
      expect(text, name).not.toContain("bruno@example.com");
      expect(text, name).not.toContain(BRUNO.customerId);
    }

    // The form routes act only on the signed-in customer's own subscription, whatever is posted.
    const form = (path: string, body: Record<string, string>) =>
      get(path, alice, {
        method: "POST",
        headers: { origin: portal.url, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body),
      });
    await form("/account/cancel", {
      when: "period_end",
      subscriptionId: BRUNO.subscriptionId,
      customerId: BRUNO.customerId,
    });
    await form("/account/address", {
      kind: "shipping",
      line1: "1 Evil St",
      city: "X",
      country: "US",
      customerId: BRUNO.customerId,
    });
    const listed = await get(`/account/invoices?customerId=${BRUNO.customerId}`, alice);
    const html = await listed.text();
    expect(html).toContain("in_alice_");
    expect(html).not.toContain("in_bruno_");

    expect(sims.stripe.subscription(BRUNO.subscriptionId)?.status).toBe(before);
    expect(sims.stripe.customer(BRUNO.customerId)?.shipping?.address?.line1).not.toBe("1 Evil St");
  });
});

describe("startup messages", () => {
  const main = join(import.meta.dirname, "../src/main.ts");
  const run = async (env: Record<string, string>) => {
    try {
      await promisify(execFile)(process.execPath, ["--import", "tsx", "--conditions=@portalkit/source", main], {
        env: { ...process.env, PORT: "0", ...env },
        timeout: 60_000,
      });
      return { code: 0, stderr: "" };
    } catch (error) {
      const failed = error as { code?: number; stderr?: string };
      return { code: failed.code ?? -1, stderr: failed.stderr ?? "" };
    }
  };

  it("names PORTAL_ACCOUNTS when it is malformed", async () => {
    const result = await run({ PORTAL_ACCOUNTS: "bad" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Could not start the portal: PORTAL_ACCOUNTS must be .*email:customerId entries/);
  }, 60_000);

  it("names HOST when it does not resolve", async () => {
    const result = await run({ HOST: "no-such-host.invalid" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not start the portal: HOST "no-such-host.invalid" does not resolve');
  }, 60_000);
});
