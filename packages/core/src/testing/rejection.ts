import { PortalError } from "../errors";

/**
 * The PortalError a call rejects with, for tests: throws when the call resolves or rejects
 * with anything else.
 */
export async function portalRejection(promise: Promise<unknown>): Promise<PortalError> {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if ("resolved" in outcome)
    throw new Error(`expected a PortalError, but the call resolved: ${String(outcome.resolved)}`);
  if (!PortalError.isInstance(outcome.error)) throw new Error(`expected a PortalError, got ${String(outcome.error)}`);
  return outcome.error;
}
