import { type Environment, LogLevel, Paddle } from "@paddle/paddle-node-sdk";
import type { PaddleProviderOptions } from "./options";

/**
 * The SDK client behind a provider. An `environment` that is neither `sandbox` nor
 * `production` is taken by the SDK as its base URL (its `getBaseUrl`), which is how a
 * provider reaches a simulator; the SDK has no retries of its own, the kit's are used.
 */
export function createPaddleClient(options: PaddleProviderOptions): Paddle {
  const given = options.environment ?? "sandbox";
  const environment = given === "sandbox" || given === "production" ? given : trimSlashes(given);
  return new Paddle(options.apiKey, { environment: environment as Environment, logLevel: LogLevel.none });
}

/** Where the SDK's client sends requests: its base URL for `sandbox` and `production`, or the URL given. */
export function paddleBaseUrl(options: Pick<PaddleProviderOptions, "environment">): string {
  const given = options.environment ?? "sandbox";
  if (given === "sandbox") return "https://sandbox-api.paddle.com";
  if (given === "production") return "https://api.paddle.com";
  return trimSlashes(given);
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, "");
}
