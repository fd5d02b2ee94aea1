import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The `portalkit` launcher as a fresh clone runs it after `npm install` alone: from the
// TypeScript source (PORTALKIT_CLI_SOURCE=1 takes that path even when a build exists),
// through node_modules/.bin, without the registry.

const root = resolve(import.meta.dirname, "../../..");
const launcher = join(root, "node_modules/.bin/portalkit");
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && !name.startsWith("TINYPOOL")),
  ),
  PORTALKIT_CLI_SOURCE: "1",
  NO_COLOR: "1",
  // Any attempt to reach a registry fails fast instead of answering.
  npm_config_registry: "http://127.0.0.1:9/",
  npm_config_offline: "true",
};

async function portalkit(args: string[], cwd = root) {
  try {
    const { stdout, stderr } = await promisify(execFile)(launcher, args, { cwd, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

let version: string;
let dir: string;
beforeAll(async () => {
  version = (JSON.parse(await readFile(join(root, "packages/cli/package.json"), "utf8")) as { version: string })
    .version;
  dir = await mkdtemp(join(tmpdir(), "portalkit-source-bin-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("the portalkit launcher, from source", () => {
  it("is linked into node_modules/.bin by npm install", async () => {
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies["@portalkit/cli"]).toBeDefined();
    expect(pkg.scripts.portalkit).toBe("portalkit");
  });

  it.each([[[]], [["conformance"]], [["diff"]]])(
    "answers --version and -v after %j",
    async (before) => {
      for (const flag of ["--version", "-v"]) {
        const result = await portalkit([...before, flag]);
        expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
      }
    },
    60_000,
  );

  it("answers --help for the tool and for each command", async () => {
    const top = await portalkit(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("portalkit conformance <module>");
    expect(top.stdout).toContain("portalkit diff --from <config>");
    const conformance = await portalkit(["conformance", "--help"]);
    expect(conformance.code).toBe(0);
    expect(conformance.stdout).toContain("portalkit conformance <module> [--export <name>]");
    expect(conformance.stdout).not.toContain("portalkit diff");
    const diff = await portalkit(["diff", "-h"]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("--customers <map.csv>");
    expect(diff.stdout).toContain("no such customer");
  }, 60_000);

  it("exits 2 for an empty customer map, naming it", async () => {
    const map = join(dir, "empty.csv");
    await writeFile(map, "from_customer,to_customer\n");
    const config = join(root, "packages/cli/test/fixtures/from.config.ts");
    const result = await portalkit(["diff", "--from", config, "--to", config, "--customers", map], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("lists no customers");
  }, 60_000);
});
