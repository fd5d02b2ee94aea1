import { ConfigError, readConfig } from "./config";
import { startPortal } from "./start-portal";

try {
  const config = readConfig(process.env);
  const portal = await startPortal(config);
  const shown = portal.url.replace("://127.0.0.1:", "://localhost:");
  console.log(`Customer portal on ${shown}`);
  console.log(`Provider: ${portal.providerLabel}${portal.simulators ? ", seeded with demo customers" : ""}`);
  if (portal.simulators) {
    console.log(
      `Sign in as ${portal.accounts
        .list()
        .map((account) => account.email)
        .join(", ")}`,
    );
    console.log("Other providers: PORTAL_PROVIDER=chargebee|stripe|billflow npm start");
  }
  const stop = () => {
    void portal.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  // Configuration problems name the variable; anything else says only what failed.
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error && "code" in error && error.code === "EADDRINUSE"
        ? "The port is in use: set PORT to another one"
        : `${error instanceof Error ? error.name : "Error"} while starting`;
  console.error(`Could not start the portal: ${message}`);
  process.exit(1);
}
