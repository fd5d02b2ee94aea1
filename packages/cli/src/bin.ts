#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { PortalError } from "@portalkit/core";
import { cliError } from "./cli-error";
import { runConformanceCommand } from "./conformance-command";
import { runDiffCommand } from "./diff-command";

const CONFORMANCE_USAGE = `  portalkit conformance <module> [--export <name>]
      Runs the conformance suite against the harness the module exports
      (a path or a package specifier, e.g. @acme/portalkit-adapter/testing).
      Exit code 0: every test passed; 1: a test failed; 2: bad usage
      (no such module, or no harness in it).
`;

const DIFF_USAGE = `  portalkit diff --from <config> --to <config> --customers <map.csv> [--include-pending] [--concurrency <n>]
      Compares mapped customers' invoices and subscriptions on two providers after a
      migration. A config module exports \`provider\` or \`createProvider()\`. A customer
      missing on either side is reported as "no such customer".
      Exit code 0: everything matches; 1: differences or failures; 2: bad usage
      (an empty or malformed customer map among them).
`;

const USAGE = `portalkit <command>

${CONFORMANCE_USAGE}
${DIFF_USAGE}
  portalkit --help | --version (also after a command: portalkit diff --help)
`;

const VERSION = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string })
  .version;

/** `--help` / `-h` and `--version` / `-v` anywhere before a `--`: answered before any other check. */
function wants(args: readonly string[], ...flags: string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => flags.includes(arg));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (wants(argv, "--version", "-v")) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === "conformance" && wants(rest, "--help", "-h")) {
    process.stdout.write(`portalkit conformance\n\n${CONFORMANCE_USAGE}`);
    return 0;
  }
  if (command === "diff" && wants(rest, "--help", "-h")) {
    process.stdout.write(`portalkit diff\n\n${DIFF_USAGE}`);
    return 0;
  }
  if (command === "conformance") {
    const { values, positionals } = parseCommandLine({
      args: rest,
      allowPositionals: true,
      options: { export: { type: "string" } },
    });
    const module = positionals[0];
    if (!module || positionals.length > 1) return usage("conformance takes one module");
    return runConformanceCommand({ module, ...(values.export ? { exportName: values.export } : {}) });
  }
  if (command === "diff") {
    const { values } = parseCommandLine({
      args: rest,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        customers: { type: "string" },
        "include-pending": { type: "boolean" },
        concurrency: { type: "string" },
      },
    });
    if (!values.from || !values.to || !values.customers) return usage("diff needs --from, --to and --customers");
    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
      return usage("--concurrency takes a positive whole number");
    }
    return runDiffCommand({
      from: values.from,
      to: values.to,
      customers: values.customers,
      ...(values["include-pending"] ? { includePending: true } : {}),
      ...(concurrency ? { concurrency } : {}),
    });
  }
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  return usage(`unknown command ${command}`);
}

function parseCommandLine<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw cliError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

function usage(message: string): number {
  process.stderr.write(`portalkit: ${message}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`portalkit: ${error instanceof Error ? error.message : String(error)}\n`);
    // A mistake in what was named on the command line is bad usage; anything else failed.
    process.exitCode = PortalError.isInstance(error) && error.code === "invalid_input" ? 2 : 1;
  },
);
