import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { breakOneInvoice, useLoopbackMigration } from "./loopback-migration";
import { CUSTOMER_MAP_CSV } from "./support";

// The built `portalkit` bin, run as a user runs it: node, from a directory outside the
// workspace, against built packages.

const root = resolve(import.meta.dirname, "../../..");
const bin = join(root, "packages/cli/dist/bin.js");
const memoryTesting = join(root, "adapters/memory/dist/testing/index.js");
const memoryMain = join(root, "adapters/memory/dist/index.js");
const fixtures = join(import.meta.dirname, "fixtures");

// The child must not think it runs inside this vitest run.
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && !name.startsWith("TINYPOOL")),
  ),
  NO_COLOR: "1",
  FORCE_COLOR: "0",
  TURBO_TELEMETRY_DISABLED: "1",
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(file: string, args: string[], cwd: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [file, ...args], {
      cwd,
      env: { ...env, ...runEnv },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

const portalkit = (args: string[], cwd: string) => run(bin, args, cwd);
let runEnv: NodeJS.ProcessEnv = {};
let outside: string;

beforeAll(async () => {
  await promisify(execFile)(
    "npx",
    ["turbo", "run", "build", "--filter=@portalkit/cli", "--filter=@portalkit/memory", "--output-logs=errors-only"],
    { cwd: root, env, maxBuffer: 64 * 1024 * 1024 },
  );
  outside = await mkdtemp(join(tmpdir(), "portalkit-cli-"));
}, 300_000);

afterAll(async () => {
  if (outside) await rm(outside, { recursive: true, force: true });
});

/** The totals line of vitest's default reporter, `Tests  97 passed (97)`. */
function testCounts(output: string): { passed: number; failed: number; total: number } {
  const line = output.split("\n").find((l) => /^\s*Tests\s/.test(l));
  if (!line) throw new Error(`no Tests line in:\n${output}`);
  const count = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  return { passed: count("passed"), failed: count("failed"), total: Number(/\((\d+)\)/.exec(line)?.[1]) };
}

describe("portalkit conformance", () => {
  it("passes the memory adapter's harness, named by its file, from outside the workspace", async () => {
    const cwd = await mkdtemp(join(outside, "by-path-"));
    const result = await portalkit(["conformance", memoryTesting], cwd);
    expect(result.stderr).not.toMatch(/portalkit:/);
    expect(result.code).toBe(0);
    const counts = testCounts(result.stdout);
    // The suite has about a hundred scenarios for an adapter claiming everything; a run
    // that collected only a few did not run it.
    expect(counts.total).toBeGreaterThan(50);
    expect(counts).toEqual({ passed: counts.total, failed: 0, total: counts.total });
  }, 120_000);

  it("passes it named by its package specifier, resolved from the project it runs in", async () => {
    const project = await mkdtemp(join(outside, "project-"));
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "acme-app", type: "module" }));
    await mkdir(join(project, "node_modules/@portalkit"), { recursive: true });
    await symlink(join(root, "adapters/memory"), join(project, "node_modules/@portalkit/memory"), "dir");
    const result = await portalkit(["conformance", "@portalkit/memory/testing", "--export", "memoryHarness"], project);
    expect(result.code).toBe(0);
    const counts = testCounts(result.stdout);
    expect(counts.failed).toBe(0);
    expect(counts.passed).toBe(counts.total);
  }, 120_000);

  it("exits 1 for an adapter that breaks the contract, naming the failing scenario", async () => {
    const cwd = await mkdtemp(join(outside, "broken-"));
    // The memory adapter with a method it does not claim: the suite fails exactly that.
    await writeFile(
      join(cwd, "unclaimed-harness.mjs"),
      [
        `import { createMemoryProvider } from ${JSON.stringify(pathToFileURL(memoryMain).href)};`,
        `import { createMemoryHarness } from ${JSON.stringify(pathToFileURL(memoryTesting).href)};`,
        "export const harness = createMemoryHarness({",
        '  name: "unclaimed logout",',
        "  provider: (options) => {",
        "    const provider = createMemoryProvider(options);",
        "    return { ...provider, capabilities: { ...provider.capabilities, logout: false } };",
        "  },",
        "});",
        "",
      ].join("\n"),
    );
    const result = await portalkit(["conformance", "./unclaimed-harness.mjs"], cwd);
    expect(result.code).toBe(1);
    expect(testCounts(result.stdout).failed).toBe(1);
    // vitest prints the failures' details on stderr.
    expect(result.stderr).toMatch(
      /FAIL .*conformance: unclaimed logout > capabilities > an optional method is present exactly when it is claimed/,
    );
  }, 120_000);

  it("exits 2 for a module without a harness, or one that does not exist", async () => {
    const cwd = await mkdtemp(join(outside, "no-harness-"));
    await writeFile(join(cwd, "nothing.mjs"), "export const answer = 42;\n");
    const none = await portalkit(["conformance", "./nothing.mjs"], cwd);
    expect([none.code, none.stderr.trim()]).toEqual([
      2,
      "portalkit: ./nothing.mjs exports no conformance harness (an object with name, setup, manifest, or a function returning one)",
    ]);
    const missing = await portalkit(["conformance", "@acme/not-installed/testing"], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/package @acme\/not-installed is not installed/);
    expect((await portalkit(["conformance"], cwd)).code).toBe(2);
  });
});

describe("portalkit diff", () => {
  const migration = useLoopbackMigration();
  let map: string;

  beforeAll(async () => {
    map = join(outside, "customers.csv");
    await writeFile(map, CUSTOMER_MAP_CSV);
    runEnv = { PORTALKIT_TEST_FROM_URL: migration.fromUrl, PORTALKIT_TEST_TO_URL: migration.toUrl };
  });

  const diff = (...extra: string[]) =>
    portalkit(
      [
        "diff",
        "--from",
        join(fixtures, "from.config.ts"),
        "--to",
        join(fixtures, "to.config.ts"),
        "--customers",
        "customers.csv",
        ...extra,
      ],
      outside,
    );

  it("exits 0 when every mapped customer matches", async () => {
    const result = await diff();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^from customer {2}to customer/);
    expect(result.stdout.trim()).toMatch(/3 customers compared, 0 with differences$/);
  }, 60_000);

  it("exits 1 and prints the broken invoice when one differs", async () => {
    const number = breakOneInvoice(migration);
    const result = await diff("--concurrency", "2");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`cb_alice → cus_A: invoice ${number} total:`);
    expect(result.stdout.trim()).toMatch(/3 customers compared, 1 with differences$/);
  }, 60_000);

  it("exits 2 on bad usage", async () => {
    const missing = await portalkit(["diff", "--from", "a.ts", "--to", "b.ts"], outside);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^portalkit: diff needs --from, --to and --customers/);
    expect((await diff("--concurrency", "zero")).code).toBe(2);
    expect((await diff("--colour")).code).toBe(2);
    expect((await portalkit(["migrate"], outside)).code).toBe(2);
  }, 60_000);
});
