import { type Capabilities, PortalError, type PortalErrorCode } from "@portalkit/core";
import type { RecordedRequest, World } from "@portalkit/core/testing";
import { expect, onTestFinished } from "vitest";
import type { ConformanceHarness, HarnessContext, HarnessSetupOptions } from "./harness";
import { conformanceWorld } from "./world";

/**
 * The options every scenario builds its provider with: few attempts, tiny backoff and a
 * short timeout, so that fault scenarios stay fast.
 */
export const CONFORMANCE_SETUP: HarnessSetupOptions = {
  retry: { maxAttempts: 3, maxDelayMs: 200, baseDelayMs: 5 },
  timeoutMs: 400,
};

/** What every scenario file receives from describeConformance. */
export interface Scenario {
  harness: ConformanceHarness;
  /** The manifest of the provider the harness builds, read once when the suite is collected. */
  capabilities: Readonly<Capabilities>;
  providerId: string;
  /** A fresh simulator holding `world`, closed when the test ends; its request log starts empty. */
  open(world: World, setup?: Partial<HarnessSetupOptions>): Promise<HarnessContext>;
  /** The conformance world in the statuses the vendor has. */
  world(): World;
}

export function createScenario(
  harness: ConformanceHarness,
  capabilities: Readonly<Capabilities>,
  providerId: string,
): Scenario {
  // One clock for the whole run: every call to world() describes the same periods, so a
  // test comparing an answer with world() never straddles a second boundary.
  const now = Math.floor(Date.now() / 1000) * 1000;
  return {
    harness,
    capabilities,
    providerId,
    async open(world, setup) {
      const ctx = await harness.setup({ ...CONFORMANCE_SETUP, ...setup });
      onTestFinished(() => ctx.close());
      await ctx.seed(world);
      ctx.clearRequests();
      return ctx;
    },
    world: () => conformanceWorld({ invoiceStatuses: harness.manifest.invoiceStatuses, now }),
  };
}

export interface ExpectedError {
  code: PortalErrorCode;
  field?: string;
  retryable?: boolean;
}

/**
 * Calls a provider method and expects it to reject with a PortalError: a method that
 * throws synchronously, resolves, or rejects with anything else fails the test.
 */
export async function expectPortalError(call: () => Promise<unknown>, expected: ExpectedError): Promise<PortalError> {
  let pending: Promise<unknown>;
  try {
    pending = call();
  } catch (error) {
    throw new Error(`the method threw synchronously instead of rejecting: ${String(error)}`);
  }
  let outcome: { resolved: unknown } | { rejected: unknown };
  try {
    outcome = { resolved: await pending };
  } catch (error) {
    outcome = { rejected: error };
  }
  if ("resolved" in outcome) {
    throw new Error(`expected a PortalError ${expected.code}, but the call resolved: ${safeJson(outcome.resolved)}`);
  }
  const error = outcome.rejected;
  if (!PortalError.isInstance(error)) {
    throw new Error(`expected a PortalError ${expected.code}, got ${describeValue(error)}`);
  }
  expect({ code: error.code, message: error.message }).toMatchObject({ code: expected.code });
  if (expected.field !== undefined) expect(error.field).toBe(expected.field);
  if (expected.retryable !== undefined) expect(error.retryable).toBe(expected.retryable);
  expect(typeof error.provider).toBe("string");
  return error;
}

/** Requests that may change the vendor's state. */
export function mutating(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.method !== "GET" && request.method !== "HEAD");
}

const SECRET_SHAPES = [/\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9]{6,}/, /\bwhsec_[A-Za-z0-9]{6,}/];

/** Fails when a credential the harness names, or anything shaped like a secret key, appears. */
export function expectNoSecrets(ctx: HarnessContext, value: unknown): void {
  const text = PortalError.isInstance(value)
    ? [value.message, JSON.stringify(value.toJSON()), String(value.cause ?? ""), value.stack ?? ""].join("\n")
    : safeJson(value);
  for (const secret of ctx.secrets ?? []) {
    expect(text.includes(secret), "a credential appears in the output").toBe(false);
  }
  for (const shape of SECRET_SHAPES) expect(text, "a secret-key shape appears in the output").not.toMatch(shape);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return safeJson(value);
}

/** Same instant, whatever the precision or the offset notation. */
export function sameInstant(actual: string | undefined, expected: string | undefined): boolean {
  if (actual === undefined || expected === undefined) return actual === expected;
  return Math.floor(Date.parse(actual) / 1000) === Math.floor(Date.parse(expected) / 1000);
}
