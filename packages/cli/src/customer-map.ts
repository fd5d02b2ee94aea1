/** One migrated customer (and optionally one of its subscriptions) on both sides. */
export interface CustomerMapping {
  from: string;
  to: string;
  subscriptions: Array<{ from: string; to: string }>;
}

/**
 * Reads the customer map of a migration:
 *
 *     from_customer,to_customer,from_subscription,to_subscription
 *     cb_alice,cus_A1,cb_sub_1,sub_X1
 *
 * The subscription columns are optional; a customer may appear on several rows, one per
 * subscription. A header row is recognised when its first cell is not an id in use.
 */
export function parseCustomerMap(csv: string): CustomerMapping[] {
  const byCustomer = new Map<string, CustomerMapping>();
  const rows = csv
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map(splitCsvLine);
  const first = rows[0];
  if (first && /^from[_ ]?customer/i.test(first[0] ?? "")) rows.shift();
  rows.forEach((cells, index) => {
    const [from, to, fromSub, toSub] = cells.map((cell) => cell.trim());
    if (!from || !to) throw new Error(`customer map line ${index + 1}: needs from_customer and to_customer`);
    const existing = byCustomer.get(from);
    if (existing && existing.to !== to) {
      throw new Error(`customer map line ${index + 1}: ${from} is mapped to both ${existing.to} and ${to}`);
    }
    const mapping = existing ?? { from, to, subscriptions: [] };
    if (fromSub || toSub) {
      if (!fromSub || !toSub) throw new Error(`customer map line ${index + 1}: give both subscription ids or neither`);
      mapping.subscriptions.push({ from: fromSub, to: toSub });
    }
    byCustomer.set(from, mapping);
  });
  return [...byCustomer.values()];
}

function splitCsvLine(line: string): string[] {
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
  cells.push(cell);
  return cells;
}
