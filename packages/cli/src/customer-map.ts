import { cliError } from "./cli-error";

/** One migrated customer (and optionally some of its subscriptions) on both sides. */
export interface CustomerMapping {
  from: string;
  to: string;
  subscriptions: Array<{ from: string; to: string }>;
}

const HEADER = /^from[_ ]?customer$/i;

/**
 * Reads the customer map of a migration:
 *
 *     from_customer,to_customer,from_subscription,to_subscription
 *     cb_alice,cus_A1,cb_sub_1,sub_X1
 *
 * The subscription columns are optional; a customer may appear on several rows, one per
 * subscription. The header row is optional (recognised by its `from_customer` cell);
 * blank lines and lines starting with `#` are skipped; cells may be double-quoted.
 */
export function parseCustomerMap(csv: string): CustomerMapping[] {
  const byCustomer = new Map<string, CustomerMapping>();
  const lines = csv.replace(/^\uFEFF/, "").split(/\r?\n/);
  let sawData = false;
  lines.forEach((text, index) => {
    const lineNo = index + 1;
    const line = text.trim();
    if (line === "" || line.startsWith("#")) return;
    const cells = splitCsvLine(line, lineNo).map((cell) => cell.trim());
    if (!sawData && HEADER.test(cells[0] ?? "")) {
      sawData = true;
      return;
    }
    sawData = true;
    const [from, to, fromSub, toSub, ...extra] = cells;
    const fail = (message: string) => cliError(`customer map line ${lineNo}: ${message}`, { field: `line ${lineNo}` });
    if (extra.some((cell) => cell !== "")) throw fail(`expected at most 4 columns, found ${cells.length}`);
    if (!from || !to) throw fail("needs from_customer and to_customer");
    const existing = byCustomer.get(from);
    if (existing && existing.to !== to) throw fail(`${from} is mapped to both ${existing.to} and ${to}`);
    const mapping = existing ?? { from, to, subscriptions: [] };
    if (fromSub || toSub) {
      if (!fromSub || !toSub) throw fail("give both subscription ids or neither");
      if (mapping.subscriptions.some((sub) => sub.from === fromSub)) throw fail(`subscription ${fromSub} mapped twice`);
      mapping.subscriptions.push({ from: fromSub, to: toSub });
    }
    byCustomer.set(from, mapping);
  });
  return [...byCustomer.values()];
}

function splitCsvLine(line: string, lineNo: number): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  if (quoted) throw cliError(`customer map line ${lineNo}: unterminated quote`, { field: `line ${lineNo}` });
  cells.push(cell);
  return cells;
}
