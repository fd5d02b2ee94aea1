import { httpStatusFromCode, PortalError, redactSecrets } from "@portalkit/core";
import { FAILURE_MESSAGES, GENERIC_FAILURE } from "./failure-messages";

export interface Failure {
  status: number;
  /** What the customer reads: clear, and never a vendor's raw text, a secret or a stack. */
  message: string;
  /** For the server's log: code and redacted message, no stack. */
  log: string;
}

/** Turns any error from a provider call into what the page shows and what the log keeps. */
export function describeFailure(error: unknown): Failure {
  if (PortalError.isInstance(error)) {
    return {
      status: httpStatusFromCode(error.code),
      message: FAILURE_MESSAGES[error.code] ?? GENERIC_FAILURE,
      log: `${error.provider} ${error.code}${error.field ? ` at ${error.field}` : ""}: ${redactSecrets(error.message)}`,
    };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { status: 500, message: GENERIC_FAILURE, log: `unexpected ${name}` };
}
