import { PortalError } from "@portalkit/core";

/** The provider name the command's own errors carry. */
export const CLI_ID = "portalkit-cli";

/**
 * A mistake on the command line or in a file it names (a module without the expected
 * export, a malformed customer map): `invalid_input`, which the bin reports as bad usage.
 */
export function cliError(message: string, options: { field?: string; cause?: unknown } = {}): PortalError {
  return new PortalError({ code: "invalid_input", provider: CLI_ID, message, ...options });
}
