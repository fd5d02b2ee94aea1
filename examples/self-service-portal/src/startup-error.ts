import { ConfigError } from "./config";

/**
 * The line printed when the portal cannot start: configuration problems and the usual
 * listen failures name the setting to change; anything else says only what failed.
 */
export function describeStartupError(error: unknown, env: Record<string, string | undefined>): string {
  if (error instanceof ConfigError) return error.message;
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  const host = env.HOST || "127.0.0.1";
  switch (code) {
    case "EADDRINUSE":
      return "The port is in use: set PORT to another one";
    case "EACCES":
      return "This user may not listen on that port: set PORT to one above 1023";
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
    case "EAI_NONAME":
      return `HOST ${JSON.stringify(host)} does not resolve to an address: set HOST to an address or name of this machine, e.g. 127.0.0.1`;
    case "EADDRNOTAVAIL":
      return `HOST ${JSON.stringify(host)} is not an address of this machine: set HOST to one of its addresses, e.g. 127.0.0.1`;
    default:
      return `${error instanceof Error ? error.name : "Error"} while starting`;
  }
}
