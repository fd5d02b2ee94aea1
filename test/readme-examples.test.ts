import { execFile } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(import.meta.dirname, "..");

// Each package's README opens with an example; these run it as written, from the
// package's own directory, on the TypeScript sources.
const PACKAGES = [
  "packages/core",
  "packages/server",
  "adapters/memory",
  "adapters/chargebee",
  "adapters/stripe",
  "adapters/billflow",
  "adapters/paddle",
  "conformance-tests",
];
// Examples run elsewhere: the browser package's in a page (packages/browser/test, in
// Chromium), the command line's in a shell (packages/cli/test/bin.test.ts runs the built bin),
// the React bindings' (a component) in a page built from it (packages/react/test, in Chromium).
const RUN_ELSEWHERE = ["packages/browser", "packages/cli", "packages/react"];

// Further examples that run, each the first TypeScript block under a heading of a README.
const SECTION_EXAMPLES: ReadonlyArray<[dir: string, heading: string]> = [["packages/server", "## Webhooks"]];

function firstTypeScriptBlock(readme: string): string | undefined {
  const match = /^```(?:ts|typescript)\n([\s\S]*?)^```/m.exec(readme);
  return match?.[1];
}

describe("package READMEs", () => {
  for (const dir of [...PACKAGES, ...RUN_ELSEWHERE]) {
    it(`${dir} has a README that opens with an example`, () => {
      const file = join(root, dir, "README.md");
      expect(existsSync(file), `${dir}/README.md exists`).toBe(true);
      const readme = readFileSync(file, "utf8");
      const firstFence = readme.indexOf("```");
      expect(firstFence, "an example before the first heading after the title").toBeGreaterThan(0);
      const secondHeading = readme.indexOf("\n## ");
      expect(secondHeading === -1 || firstFence < secondHeading).toBe(true);
    });
  }

  for (const dir of PACKAGES) {
    it(`${dir}: the README example runs`, async () => {
      const readme = readFileSync(join(root, dir, "README.md"), "utf8");
      const code = firstTypeScriptBlock(readme);
      if (code === undefined) return expect.fail(`${dir}/README.md has no TypeScript example`);
      // An example that is itself a test file (the conformance suite's) runs under vitest.
      const isTest = /from "vitest"|describeConformance\(/.test(code);
      const name = isTest ? "readme-example.test.mts" : ".readme-example.mts";
      const file = join(root, dir, name);
      writeFileSync(file, code);
      try {
        const env = { ...process.env, NODE_NO_WARNINGS: "1", PORTALKIT_EXTRA_TEST: `${dir}/${name}` };
        const { stdout } = isTest
          ? await run(
              process.execPath,
              [join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=default", `${dir}/${name}`],
              { cwd: root, timeout: 120_000, env },
            )
          : await run(process.execPath, ["--conditions=@portalkit/source", "--import", "tsx", file], {
              cwd: join(root, dir),
              timeout: 60_000,
              env,
            });
        expect(stdout.length, "the example prints what it did").toBeGreaterThan(0);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the runner's colours
        if (isTest) expect(stdout.replace(/\u001b\[[0-9;]*m/g, "")).toMatch(/Tests\s+\d+ passed/);
      } finally {
        rmSync(file, { force: true });
      }
    }, 150_000);
  }

  for (const [dir, heading] of SECTION_EXAMPLES) {
    it(`${dir}: the README example under "${heading}" runs`, async () => {
      const readme = readFileSync(join(root, dir, "README.md"), "utf8");
      const at = readme.indexOf(`\n${heading}\n`);
      expect(at, `${dir}/README.md has ${heading}`).toBeGreaterThan(0);
      const code = firstTypeScriptBlock(readme.slice(at));
      if (code === undefined) return expect.fail(`no TypeScript example under ${heading}`);
      const file = join(root, dir, ".readme-section-example.mts");
      writeFileSync(file, code);
      try {
        const { stdout } = await run(process.execPath, ["--conditions=@portalkit/source", "--import", "tsx", file], {
          cwd: join(root, dir),
          timeout: 60_000,
          env: { ...process.env, NODE_NO_WARNINGS: "1" },
        });
        expect(stdout.length, "the example prints what it did").toBeGreaterThan(0);
      } finally {
        rmSync(file, { force: true });
      }
    }, 150_000);
  }
});
