import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";

// Runs the suite against the intact memory adapter and broken copies of it
// (test/fixtures/*.fixture.ts, outside the normal test pattern), and against Chargebee and
// Stripe adapters with a wrong status map (adapters/{chargebee,stripe}/test/fixtures), in a separate vitest
// process, and checks the suite fails the broken ones, where it should and only there.

interface AssertionResult {
  fullName: string;
  status: "passed" | "failed" | "skipped" | "pending" | "todo" | "disabled";
  failureMessages: string[];
}

interface JsonReport {
  testResults: Array<{ name: string; message: string; assertionResults: AssertionResult[] }>;
}

const root = resolve(import.meta.dirname, "../../..");
let report: JsonReport;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), "portalkit-conformance-"));
  const outputFile = join(dir, "report.json");
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && !name.startsWith("TINYPOOL")),
  );
  try {
    await promisify(execFile)(
      process.execPath,
      [
        join(root, "node_modules/vitest/vitest.mjs"),
        "run",
        "--config",
        "adapters/memory/test/fixtures/vitest.config.ts",
        "--reporter=json",
        `--outputFile=${outputFile}`,
      ],
      { cwd: root, env: { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" }, maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: unknown) => {
      // vitest exits 1 when tests fail, which is the point here; the report tells the rest.
      if ((error as { code?: unknown }).code !== 1) throw error;
    });
    report = JSON.parse(await readFile(outputFile, "utf8")) as JsonReport;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 300_000);

function results(fixture: string): AssertionResult[] {
  const file = report.testResults.find((result) => result.name.endsWith(`/${fixture}.fixture.ts`));
  if (!file) throw new Error(`no results for ${fixture}`);
  expect(file.message, "the fixture file loaded").toBe("");
  return file.assertionResults;
}

function named(all: AssertionResult[], fragment: string): AssertionResult[] {
  const found = all.filter((result) => result.fullName.includes(fragment));
  expect(found.length, `scenarios named "${fragment}"`).toBeGreaterThan(0);
  return found;
}

const statuses = (list: AssertionResult[]) => [...new Set(list.map((result) => result.status))];
const failedNames = (all: AssertionResult[]) =>
  all.filter((result) => result.status === "failed").map((result) => result.fullName);

describe("the conformance suite", () => {
  it("passes the intact memory adapter with every scenario executed", () => {
    const all = results("intact");
    expect(all.length).toBeGreaterThan(90);
    expect(failedNames(all)).toEqual([]);
    expect(statuses(all)).toEqual(["passed"]);
  });

  it("fails an adapter that shows another customer's invoices, in the listing and ownership scenarios", () => {
    const all = results("leaky-invoices");
    expect(statuses(named(all, "listInvoices shows none of Bob's invoices"))).toEqual(["failed"]);
    expect(statuses(named(all, "lists each of 0 invoices exactly once"))).toEqual(["failed"]);
    expect(statuses(named(all, "small pages hold every invoice exactly once"))).toEqual(["failed"]);
    expect(statuses(named(all, "cancel ("))).toEqual(["passed"]);
    expect(statuses(named(all, "createSession"))).toEqual(["passed"]);
    expect(statuses(named(all, "is invalid_input and sends no request"))).toEqual(["passed"]);
  });

  it("fails an adapter that cancels another customer's subscription, and only there", () => {
    const all = results("cancel-without-ownership");
    expect(failedNames(all).sort()).toEqual(
      named(all, "of Bob's subscription is not_found and changes nothing")
        .filter((result) => result.fullName.includes("cancel ("))
        .map((result) => result.fullName)
        .sort(),
    );
    expect(failedNames(all)).toHaveLength(2);
  });

  it("fails an adapter that sends a new idempotency key on each attempt, in the mutation fault scenarios", () => {
    const all = results("fresh-idempotency-keys");
    const mutation = named(all, "faults: a mutation");
    expect(statuses(mutation)).toEqual(["failed"]);
    expect(failedNames(all).sort()).toEqual(mutation.map((result) => result.fullName).sort());
  });
});

describe("an adapter that trusts unverified webhooks", () => {
  it("fails the credential, signature and timestamp scenarios, and only those", () => {
    const all = results("unverified-webhooks");
    const refusals = [
      ...named(all, "refuses a delivery without its credentials"),
      ...named(all, "refuses a delivery signed with a wrong secret or password"),
      ...named(all, "refuses a delivery signed at a stale timestamp"),
    ];
    expect(statuses(refusals)).toEqual(["failed"]);
    expect(failedNames(all).sort()).toEqual(refusals.map((result) => result.fullName).sort());
    expect(statuses(named(all, "each mutation made through the contract is delivered"))).toEqual(["passed"]);
  });
});

describe("a wrong status map in an adapter", () => {
  for (const [fixture, adapter] of [
    ["wrong-status-map", "memory"],
    ["chargebee-wrong-status-map", "chargebee"],
    ["stripe-wrong-status-map", "stripe"],
  ] as const) {
    it(`fails the ${adapter} adapter where a scheduled cancellation is read back`, () => {
      const all = results(fixture);
      const scheduled = named(all, "when: period_end changes the subscription, in the answer and at the vendor");
      expect(statuses(scheduled)).toEqual(["failed"]);
      expect(statuses(named(all, "when: now changes the subscription"))).toEqual(["passed"]);
      expect(statuses(named(all, "createSession"))).toEqual(["passed"]);
    });

    it(`reads the ${adapter} simulator with the harness's own code, not the adapter's normalizers`, () => {
      const source = readFileSync(join(root, `adapters/${adapter}/src/testing/harness.ts`), "utf8");
      const imports = [...source.matchAll(/from "(\.\.\/[^"]+)"/g)].map((match) => match[1]);
      expect(imports).toEqual(["../provider", ...(adapter === "memory" ? ["../wire"] : [])]);
    });
  }
});
