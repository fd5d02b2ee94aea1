import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadModule } from "./load-module";

export interface ConformanceCommandOptions {
  /** A path or package specifier of a module exporting a ConformanceHarness. */
  module: string;
  /** The export to use; default: `harness`, else `createHarness()`, else the one export shaped like a harness. */
  exportName?: string;
  cwd?: string;
}

const HARNESS_KEYS = ["name", "setup", "invoiceStatuses"] as const;

function isHarness(value: unknown): boolean {
  return typeof value === "object" && value !== null && HARNESS_KEYS.every((key) => key in value);
}

/** Which export of the module holds the harness (checked before the suite starts). */
export async function findHarnessExport(
  specifier: string,
  cwd: string,
  exportName?: string,
): Promise<{ name: string; factory: boolean }> {
  const mod = await loadModule(specifier, cwd);
  const names = exportName ? [exportName] : ["harness", "createHarness", ...Object.keys(mod)];
  for (const name of names) {
    const value = mod[name];
    if (isHarness(value)) return { name, factory: false };
    if (typeof value === "function" && (name === "createHarness" || name === exportName || /Harness$/.test(name))) {
      const made = await (value as () => unknown)();
      if (isHarness(made)) return { name, factory: true };
    }
  }
  throw new Error(
    `${specifier} exports no conformance harness (an object with ${HARNESS_KEYS.join(", ")}, or a function returning one)`,
  );
}

/**
 * `portalkit conformance <module>`: runs the whole conformance suite against the harness
 * a module exports, in a vitest run of its own. Resolves to the exit code.
 */
export async function runConformanceCommand(options: ConformanceCommandOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const found = await findHarnessExport(options.module, cwd, options.exportName);
  const moduleUrl =
    options.module.startsWith(".") || isAbsolute(options.module)
      ? pathToFileURL(resolve(cwd, options.module)).href
      : pathToFileURL(createRequire(join(cwd, "package.json")).resolve(options.module)).href;
  const suiteUrl = import.meta.resolve("@portalkit/conformance");
  const dir = await mkdtemp(join(tmpdir(), "portalkit-conformance-"));
  const file = join(dir, "conformance.test.mjs");
  const harness = found.factory ? `await mod[${JSON.stringify(found.name)}]()` : `mod[${JSON.stringify(found.name)}]`;
  await writeFile(
    file,
    [
      `import { describeConformance } from ${JSON.stringify(suiteUrl)};`,
      `import * as mod from ${JSON.stringify(moduleUrl)};`,
      `describeConformance(${harness});`,
      "",
    ].join("\n"),
  );
  try {
    const { startVitest } = await import("vitest/node");
    const vitest = await startVitest("test", [], {
      root: dir,
      include: ["conformance.test.mjs"],
      watch: false,
      config: false,
      testTimeout: 60_000,
      hookTimeout: 60_000,
    });
    const failed = vitest.state.getCountOfFailedTests();
    const files = vitest.state.getFiles();
    const errors = vitest.state.getUnhandledErrors().length;
    await vitest.close();
    const broken = files.length === 0 || files.some((f) => f.result?.state === "fail");
    return failed > 0 || errors > 0 || broken ? 1 : 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
