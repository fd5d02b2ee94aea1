#!/usr/bin/env node
// The `portalkit` command. A published package runs its build (dist/bin.js); in a clone of
// the repository before `npm run build`, it runs the TypeScript source through tsx with the
// workspace's source condition, so that `npx portalkit` works right after `npm install`
// and never asks the registry.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const built = new URL("../dist/bin.js", import.meta.url);
// PORTALKIT_CLI_SOURCE=1 runs the source even when a build exists (for the tests of this path).
if (existsSync(built) && process.env.PORTALKIT_CLI_SOURCE !== "1") {
  await import(built.href);
} else {
  let tsx;
  try {
    tsx = import.meta.resolve("tsx");
  } catch {
    process.stderr.write("portalkit: not built yet and tsx is not installed: run npm run build, or npm install tsx\n");
    process.exit(1);
  }
  const source = fileURLToPath(new URL("../src/bin.ts", import.meta.url));
  const run = spawnSync(
    process.execPath,
    ["--conditions=@portalkit/source", "--import", tsx, source, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  process.exit(run.status ?? 1);
}
