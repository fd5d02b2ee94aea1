import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { PortalError, redactSecrets, registerSecret } from "../src/index";
import { registeredSecretCount } from "../src/redact";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Collects until the finalizers have run (they run in a later task than the collection). */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let round = 0; round < 50 && !done(); round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe("redactSecrets", () => {
  it("leaves the words after a field name alone", () => {
    const message = 'Invalid input at webhookSecret: Unrecognized key: "webhookSecret"';
    expect(redactSecrets(message)).toBe(message);
    expect(new PortalError({ code: "invalid_input", provider: "p", message }).message).toBe(message);
    for (const prose of ["password: must be at least 8 characters", "token = expired", "apiKey: Required"]) {
      expect(redactSecrets(prose)).toBe(prose);
    }
  });

  it("redacts credential shapes, secret parameters and secret-named JSON properties", () => {
    expect(redactSecrets("use rk_live_abcdef123 or whsec_abcdef123456")).toBe("use [redacted] or [redacted]");
    expect(redactSecrets("key test_abcdefghijklmnopqrstuvwxyz here")).toBe("key [redacted] here");
    expect(redactSecrets("authorization: Basic dGVzdF9rZXk6")).toBe("authorization: [redacted]");
    expect(redactSecrets("GET /v1/x?client_secret=abc123&limit=1")).toBe("GET /v1/x?client_secret=[redacted]&limit=1");
    expect(redactSecrets("api_key=abcdef&x=1")).toBe("api_key=[redacted]&x=1");
    expect(redactSecrets('{"webhookSecret":"s3cr3t-value","name":"x"}')).toBe(
      '{"webhookSecret":"[redacted]","name":"x"}',
    );
    expect(redactSecrets('{"Authorization": "Basic abc\\"def"}')).toBe('{"Authorization": "[redacted]"}');
  });

  it("redacts Bearer and Basic values in any case of the scheme, and leaves the words in prose", () => {
    for (const value of [
      "Basic dXNlcjpwYXNz",
      "basic a2V5Og==",
      "BEARER eyJhbGciOiJIUzI1NiJ9.e30.sig",
      "bearer pdl_sdbx_apikey_01abc",
      "Bearer abcdefghijklmnopqrstuvwxyz",
      "Bearer tok3n9",
    ]) {
      expect(redactSecrets(`authorization: ${value} sent`)).toBe("authorization: [redacted] sent");
    }
    for (const prose of [
      "The webhook's Basic credentials are wrong",
      "Bearer tokens expire after an hour",
      "use basic authentication here",
    ]) {
      expect(redactSecrets(prose)).toBe(prose);
    }
  });

  it("keeps a secret registered while its owner lives and forgets it once the owner is collected", async () => {
    const before = registeredSecretCount();
    const live = { name: "live provider" };
    registerSecret("tenant-live-secret-0001", live);
    let dropped: object | undefined = { name: "dropped provider" };
    registerSecret("tenant-dropped-secret-0002", dropped);
    for (let i = 0; i < 100; i++) registerSecret(`tenant-${i}-secret-abcdef`, { i });
    expect(redactSecrets("a tenant-dropped-secret-0002 b")).toBe("a [redacted] b");
    dropped = undefined;
    await collectUntil(() => registeredSecretCount() <= before + 1);
    expect(registeredSecretCount()).toBe(before + 1);
    expect(redactSecrets("x tenant-live-secret-0001 y")).toBe("x [redacted] y");
    expect(new PortalError({ code: "unavailable", provider: "p", message: "tenant-live-secret-0001" }).message).toBe(
      "[redacted]",
    );
    expect(live.name).toBe("live provider");
  });

  it("keeps a secret while any of its owners lives, and for good when registered without one", async () => {
    const kept = {};
    let other: object | undefined = {};
    registerSecret("shared-secret-of-two-owners", kept);
    registerSecret("shared-secret-of-two-owners", other);
    registerSecret("process-wide-secret-000");
    other = undefined;
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(redactSecrets("shared-secret-of-two-owners process-wide-secret-000")).toBe("[redacted] [redacted]");
    expect(kept).toEqual({});
    void other;
  });
});
