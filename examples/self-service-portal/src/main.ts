import { readConfig } from "./config";
import { webhookPath } from "./create-app";
import { liveWebhooksVerified, startPortal } from "./start-portal";
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
  if (config.live) {
    const endpoint = `${portal.url}${webhookPath(config.provider)}`;
    console.log(
      liveWebhooksVerified(config.live.credentials)
        ? `Webhooks: ${endpoint}`
        : `Webhooks: ${endpoint} refuses every delivery until the vendor's webhook secret is set (see the README)`,
    );
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
