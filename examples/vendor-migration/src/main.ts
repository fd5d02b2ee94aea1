import { join } from "node:path";
import { runDiffCommand } from "@portalkit/cli";
import { createShadow, describeDiff, type ShadowReport } from "@portalkit/core";
import { serveStripeSimulator } from "@portalkit/stripe/testing";
import { prepareMigration } from "./prepare-migration";
import { chargebeeProvider, paddleProvider, stripeProvider } from "./providers";
import { createRoutedPortal } from "./routed-portal";
import { CHARGEBEE_API_KEY, CHARGEBEE_SITE, createSimulators, STRIPE_SECRET_KEY } from "./simulators";
import { BROKEN_INVOICE } from "./world";

// Moving customers from Chargebee to Stripe, on local simulators of both APIs:
// migrate a wave of customers, route each portal call to the vendor holding the customer,
// shadow-read the new vendor, and check the migration with `portalkit diff`.
// `npm start -- --serve` keeps the simulators running afterwards, to try the CLI by hand.

const root = join(import.meta.dirname, "..");
const dataDir = join(root, "data");
const say = (text = "") => process.stdout.write(`${text}\n`);

const simulators = createSimulators();
const { chargebee, stripe, paddle } = simulators;
const [chargebeeServer, stripeServer, paddleServer] = await Promise.all([
  chargebee.listen(),
  serveStripeSimulator(stripe),
  paddle.listen(),
]);
say(`Chargebee simulator: ${chargebeeServer.url}   Stripe simulator: ${stripeServer.url}`);
say(`Paddle simulator (a product line already billed on Paddle): ${paddleServer.url}`);
say(`Chargebee holds ${chargebee.customers.size} customers and ${chargebee.invoices.size} invoices.`);

// 1. Migrate this wave.
const migration = await prepareMigration({ simulators, dataDir });
say(`\nMigrated ${migration.customers.map((c) => `${c.from} → ${c.to}`).join(", ")}`);
say(`(invoice ${BROKEN_INVOICE} was copied with a wrong amount, on purpose)`);
say(`Wrote ${migration.customerMapFile} and ${migration.routingFile}`);

// 2. One PortalProvider for the application, routed by data/routing.csv.
const cb = chargebeeProvider(chargebeeServer.url);
const st = stripeProvider(stripeServer.url);
const pd = paddleProvider(paddleServer.url);
const portal = createRoutedPortal({ chargebee: cb, stripe: st, paddle: pd, routingFile: migration.routingFile });
say("\nRouted calls (listInvoices, then openSection billing_history):");
for (const customerId of ["cb_edsger", "cus_migrated_grace", "ctm_hopper"]) {
  chargebee.clearRequests();
  stripe.clearRequests();
  paddle.clearRequests();
  const page = await portal.listInvoices({ customerId });
  const section = await portal
    .openSection({ customerId, section: "billing_history", fallback: "portal" })
    .then((launch) => `${launch.kind}${launch.fallback ? " (whole portal: not a section there)" : ""}`);
  say(
    `  ${customerId}: ${page.data.length} invoices, launch ${section}; ` +
      `Chargebee saw ${chargebee.requests.length} requests, Stripe ${stripe.requests.length}, Paddle ${paddle.requests.length}`,
  );
}
const stranger = await portal.listInvoices({ customerId: "cb_nobody" }).catch((error: { code?: string }) => error.code);
say(`  cb_nobody: ${String(stranger)}`);

// 3. Shadow reads: Chargebee answers, Stripe is asked the same in the background.
const toStripe = new Map(migration.customers.map((c) => [c.from, c.to]));
const subscriptionsToStripe = new Map(migration.customers.flatMap((c) => c.subscriptions.map((s) => [s.from, s.to])));
const reports: ShadowReport[] = [];
const shadowed = createShadow({
  primary: cb,
  shadow: st,
  onDiff: (report) => reports.push(report),
  mapCustomerId: (id) => toStripe.get(id) ?? id,
  mapSubscriptionId: (id) => subscriptionsToStripe.get(id) ?? id,
});
for (const { from, subscriptions } of migration.customers) {
  await shadowed.listInvoices({ customerId: from });
  for (const sub of subscriptions) await shadowed.getSubscription?.({ customerId: from, subscriptionId: sub.from });
}
await shadowed.settled();
say("\nShadow comparison (Chargebee primary, Stripe shadow):");
for (const report of reports) {
  for (const diff of report.diffs) say(`  ${report.operation} ${report.customerId}: ${describeDiff(diff)}`);
}
if (reports.length === 0) say("  no differences");

// 4. The migration check, as `portalkit diff` runs it.
process.env.CHARGEBEE_SITE = CHARGEBEE_SITE;
process.env.CHARGEBEE_API_KEY = CHARGEBEE_API_KEY;
process.env.CHARGEBEE_API_URL = chargebeeServer.url;
process.env.STRIPE_SECRET_KEY = STRIPE_SECRET_KEY;
process.env.STRIPE_API_URL = stripeServer.url;
say("\n$ portalkit diff --from src/chargebee.config.ts --to src/stripe.config.ts --customers data/customers.csv");
const code = await runDiffCommand({
  from: "src/chargebee.config.ts",
  to: "src/stripe.config.ts",
  customers: "data/customers.csv",
  cwd: root,
});
say(`exit code ${code}${code === 1 ? ` (the broken invoice ${BROKEN_INVOICE} was found)` : ""}`);

if (process.argv.includes("--serve")) {
  say("\nSimulators keep running (Ctrl-C to stop). From examples/vendor-migration (no build needed):");
  say(
    `  CHARGEBEE_SITE=${CHARGEBEE_SITE} CHARGEBEE_API_KEY=${CHARGEBEE_API_KEY} CHARGEBEE_API_URL=${chargebeeServer.url} \\\n` +
      `  STRIPE_SECRET_KEY=${STRIPE_SECRET_KEY} STRIPE_API_URL=${stripeServer.url} \\\n` +
      "  npx portalkit diff --from src/chargebee.config.ts --to src/stripe.config.ts --customers data/customers.csv",
  );
} else {
  await Promise.all([chargebeeServer.close(), stripeServer.close(), paddleServer.close()]);
}
