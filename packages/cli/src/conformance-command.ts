import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cliError } from "./cli-error";
import { loadModule } from "./load-module";

export interface ConformanceCommandOptions {
  /** A path or package specifier of a module exporting a ConformanceHarness. */
  module: string;
  /** The export to use; default: `harness`, else `createHarness()`, else the one export shaped like a harness. */
  exportName?: string;
  /** Where relative paths and package specifiers are resolved from. Default: the working directory. */
  cwd?: string;
}

const HARNESS_KEYS = ["name", "setup", "manifest"] as const;

function isHarness(value: unknown): boolean {
  return typeof value === "object" && value !== null && HARNESS_KEYS.every((key) => key in value);
}

export interface HarnessExport {
  /** The module file the harness comes from. */
  file: string;
  /** The export holding the harness, or the function making it. */
  name: string;
  factory: boolean;
}

/** Which export of the module holds the harness (checked before the suite starts). */
export async function findHarnessExport(specifier: string, cwd: string, exportName?: string): Promise<HarnessExport> {
  const { file, exports } = await loadModule(specifier, cwd);
  const names = exportName ? [exportName] : ["harness", "createHarness", ...Object.keys(exports)];
  for (const name of names) {
    const value = exports[name];
    if (isHarness(value)) return { file, name, factory: false };
    if (typeof value === "function" && (name === "createHarness" || name === exportName || /Harness$/.test(name))) {
      let made: unknown;
      try {
        made = await (value as () => unknown)();
      } catch (error) {
        // A factory that needs arguments is not the default harness; try the next export.
        if (name !== exportName) continue;
        throw cliError(`${specifier}: ${name}() failed: ${error instanceof Error ? error.message : String(error)}`, {
          field: "export",
          cause: error,
        });
      }
      if (isHarness(made)) return { file, name, factory: true };
    }
  }
  throw cliError(
    `${specifier} exports no conformance harness${exportName ? ` named ${exportName}` : ""} (an object with ${HARNESS_KEYS.join(", ")}, or a function returning one)`,
    { field: exportName ? "export" : "module" },
  );
}

/**
 * `portalkit conformance <module>`: runs the whole conformance suite against the harness
 * a module exports, in a vitest run of its own (vitest's default reporter prints it).
 * Resolves to the exit code: 0 when every test passed, 1 otherwise.
 */
export async function runConformanceCommand(options: ConformanceCommandOptions): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const found = await findHarnessExport(options.module, cwd, options.exportName);
  // The suite this command ships with; the harness module is loaded from the same file
  // the check above imported, so both runs see one copy of it.
  const suiteUrl = import.meta.resolve("@portalkit/conformance");
  const dir = await mkdtemp(join(tmpdir(), "portalkit-conformance-"));
  const file = join(dir, "conformance.test.mjs");
  const harness = found.factory ? `await mod[${JSON.stringify(found.name)}]()` : `mod[${JSON.stringify(found.name)}]`;
  await writeFile(
    file,
    [
      `import { describeConformance } from ${JSON.stringify(suiteUrl)};`,
      `import * as mod from ${JSON.stringify(pathToFileURL(found.file).href)};`,
      `describeConformance(${harness});`,
      "",
    ].join("\n"),
  );
  try {
    const { startVitest } = await import("vitest/node");
    // Run from the TypeScript sources of this repository (before a build), the suite's own
    // imports resolve through the same source condition.
    const conditions = process.execArgv.some((arg) => arg.includes("@portalkit/source"))
      ? ["@portalkit/source", "module", "node", "development|production"]
      : undefined;
    const vitest = await startVitest(
      "test",
      [],
      {
        root: dir,
        include: ["conformance.test.mjs"],
        watch: false,
        config: false,
        testTimeout: 60_000,
        hookTimeout: 60_000,
      },
      conditions ? { resolve: { conditions }, ssr: { resolve: { conditions } } } : {},
    );
    try {
      const files = vitest.state.getFiles();
      const failed = vitest.state.getCountOfFailedTests();
      const errors = vitest.state.getUnhandledErrors().length;
      const broken = files.length === 0 || files.some((f) => f.result?.state === "fail");
      return failed > 0 || errors > 0 || broken ? 1 : 0;
    } finally {
      await vitest.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
