import { readConfig } from "./config";
import { startPortal } from "./start-portal";
import { describeStartupError } from "./startup-error";

try {
  const config = readConfig(process.env);
  const portal = await startPortal(config);
  console.log(`Customer portal on ${portal.url}`);
  console.log(`Provider: ${portal.providerLabel}${portal.simulators ? ", seeded with demo customers" : ""}`);
  if (portal.simulators) {
    console.log(
      `Sign in as ${portal.accounts
        .list()
        .map((account) => account.email)
        .join(", ")}`,
    );
    console.log("Other providers: PORTAL_PROVIDER=chargebee|stripe|billflow|paddle npm start");
  }
  const stop = () => {
    void portal.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`Could not start the portal: ${describeStartupError(error, process.env)}`);
  process.exit(1);
}
