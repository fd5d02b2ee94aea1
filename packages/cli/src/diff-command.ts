import { readFile } from "node:fs/promises";
import { compareCustomers } from "./compare-customers";
import { parseCustomerMap } from "./customer-map";
import { formatComparison } from "./format-table";
import { loadProvider } from "./load-provider";

export interface DiffCommandOptions {
  from: string;
  to: string;
  customers: string;
  includePending?: boolean;
  concurrency?: number;
  cwd?: string;
  out?: (text: string) => void;
  progress?: (text: string) => void;
}

/**
 * `portalkit diff`: compares the mapped customers on two providers and prints a table.
 * Exit code 0 when everything matches, 1 when anything differs or failed.
 */
export async function runDiffCommand(options: DiffCommandOptions): Promise<number> {
  const out = options.out ?? ((text) => process.stdout.write(`${text}\n`));
  const progress = options.progress ?? ((text) => process.stderr.write(text));
  const [from, to, csv] = await Promise.all([
    loadProvider(options.from, options.cwd),
    loadProvider(options.to, options.cwd),
    readFile(options.customers, "utf8"),
  ]);
  const customers = parseCustomerMap(csv);
  const started = Date.now();
  let lastReport = 0;
  const results = await compareCustomers({
    from,
    to,
    customers,
    ...(options.includePending ? { includePending: true } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    onProgress: (done, total) => {
      const now = Date.now();
      // Progress for long runs only: at most one line a second, and the last one.
      if (now - started < 1_000 && done < total) return;
      if (now - lastReport < 1_000 && done < total) return;
      lastReport = now;
      progress(`compared ${done}/${total} customers (${Math.round((now - started) / 1000)} s)\n`);
    },
  });
  out(formatComparison(results));
  return results.some((r) => r.diffs.length > 0 || r.errors.length > 0) ? 1 : 0;
}
