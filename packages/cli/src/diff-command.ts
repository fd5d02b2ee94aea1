import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { cliError } from "./cli-error";
import { compareCustomers } from "./compare-customers";
import { parseCustomerMap } from "./customer-map";
import { formatComparison } from "./format-table";
import { loadProvider } from "./load-provider";

export interface DiffCommandOptions {
  /** Config module of the provider migrated from (the source of truth). */
  from: string;
  /** Config module of the provider migrated to. */
  to: string;
  /** The customer map (CSV), see parseCustomerMap. */
  customers: string;
  includePending?: boolean;
  concurrency?: number;
  /** Where the three paths are resolved from. Default: the working directory. */
  cwd?: string;
  /** Receives the report. Default: stdout. */
  out?: (text: string) => void;
  /** Receives progress lines on long runs. Default: stderr. */
  progress?: (text: string) => void;
  /** Milliseconds, for the progress lines. Default Date.now. */
  clock?: () => number;
}

/**
 * `portalkit diff`: compares the mapped customers on two providers and prints a table.
 * Exit code 0 when everything matches, 1 when anything differs or failed.
 */
export async function runDiffCommand(options: DiffCommandOptions): Promise<number> {
  const out = options.out ?? ((text) => process.stdout.write(`${text}\n`));
  const progress = options.progress ?? ((text) => process.stderr.write(text));
  const cwd = options.cwd ?? process.cwd();
  // The map first: a mistake in it is reported before any provider is built.
  const csv = await readFile(resolve(cwd, options.customers), "utf8").catch((error: unknown) => {
    throw cliError(`cannot read the customer map ${options.customers}`, { field: "customers", cause: error });
  });
  const customers = parseCustomerMap(csv);
  if (customers.length === 0) {
    throw cliError(`the customer map ${options.customers} lists no customers`, { field: "customers" });
  }
  const [from, to] = await Promise.all([loadProvider(options.from, cwd), loadProvider(options.to, cwd)]);
  const clock = options.clock ?? Date.now;
  const started = clock();
  let lastReport = 0;
  const results = await compareCustomers({
    from,
    to,
    customers,
    ...(options.includePending ? { includePending: true } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    onProgress: (done, total) => {
      const now = clock();
      // Progress for long runs only: nothing in the first second, then at most one line a
      // second, and the last one.
      if (now - started < 1_000) return;
      if (now - lastReport < 1_000 && done < total) return;
      lastReport = now;
      progress(`compared ${done}/${total} customers (${Math.round((now - started) / 1000)} s)\n`);
    },
  });
  out(formatComparison(results));
  return results.some((r) => r.diffs.length > 0 || r.errors.length > 0) ? 1 : 0;
}
