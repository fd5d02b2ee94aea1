import { describeDiff } from "@portalkit/core";
import type { CustomerComparison } from "./compare-customers";

/** The diff report: one row a customer, then every difference on its own line. */
export function formatComparison(results: CustomerComparison[]): string {
  const header = ["from customer", "to customer", "invoices", "subscriptions", "differences", "result"];
  const rows = results.map((r) => [
    r.from,
    r.to,
    `${r.invoices.from} / ${r.invoices.to}`,
    String(r.subscriptions),
    String(r.diffs.length),
    r.errors.length > 0 ? "error" : r.diffs.length > 0 ? "DIFFERS" : "ok",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const out = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
  const details = results.flatMap((r) => [
    ...r.diffs.map((d) => `${r.from} → ${r.to}: ${describeDiff(d)}`),
    ...r.errors.map((e) => `${r.from} → ${r.to}: error: ${e}`),
  ]);
  if (details.length > 0) out.push("", ...details);
  const differing = results.filter((r) => r.diffs.length > 0 || r.errors.length > 0).length;
  out.push("", `${results.length} customers compared, ${differing} with differences`);
  return out.join("\n");
}
