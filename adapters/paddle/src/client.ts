import { type Environment, LogLevel, Paddle } from "@paddle/paddle-node-sdk";
import { DEFAULT_TIMEOUT_MS, type PaddleProviderOptions } from "./options";

/**
 * The SDK client behind a provider. An `environment` that is neither `sandbox` nor
 * `production` is taken by the SDK as its base URL (its `getBaseUrl`), which is how a
 * provider reaches a simulator; the SDK has no retries of its own, the kit's are used.
 */
export function createPaddleClient(options: PaddleProviderOptions): Paddle {
  const given = options.environment ?? "sandbox";
  const environment = given === "sandbox" || given === "production" ? given : given.replace(/\/+$/, "");
  return new Paddle(options.apiKey, { environment: environment as Environment, logLevel: LogLevel.none });
}

/** The SDK's fetch carries no timeout or abort signal, so the kit holds the deadline. */
export function paddleDeadline(options: PaddleProviderOptions): number {
  return options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}
