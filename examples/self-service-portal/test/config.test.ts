import { describe, expect, it } from "vitest";
import { formFieldOf } from "../src/address-form";
import { validateAddress } from "../src/address-rules";
import { readConfig } from "../src/config";
import { describeStartupError } from "../src/startup-error";

describe("configuration", () => {
  it("runs on the simulators by default, with Chargebee on port 3000", () => {
    expect(readConfig({})).toEqual({ provider: "chargebee", port: 3000, host: "127.0.0.1" });
    expect(readConfig({ PORTAL_PROVIDER: "Stripe", PORT: "4000" })).toMatchObject({ provider: "stripe", port: 4000 });
  });

  it("switches to the real vendor when its credentials are set, and then needs the accounts", () => {
    const env = { PORTAL_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_do_not_echo_me" };
    expect(() => readConfig(env)).toThrow(/PORTAL_ACCOUNTS/);
    try {
      readConfig(env);
    } catch (error) {
      expect(String(error)).not.toContain("sk_test_do_not_echo_me");
    }
    const config = readConfig({ ...env, PORTAL_ACCOUNTS: "ada@example.com:cus_Q1" });
    expect(config.live).toEqual({
      credentials: { provider: "stripe", secretKey: "sk_test_do_not_echo_me" },
      accounts: [{ email: "ada@example.com", name: "ada", customerId: "cus_Q1" }],
    });
    // Billflow needs its own secret and page besides the Stripe key; without them it stays simulated.
    expect(readConfig({ ...env, PORTAL_PROVIDER: "billflow" }).live).toBeUndefined();
  });

  it("refuses an unknown provider, a bad port and a short session secret", () => {
    expect(() => readConfig({ PORTAL_PROVIDER: "recurly" })).toThrow(/chargebee, stripe, billflow, paddle/);
    expect(() => readConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => readConfig({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
  });
});

describe("settings that are not valid", () => {
  it("names PORTAL_ACCOUNTS when an entry is malformed, with or without credentials", () => {
    for (const env of [
      { PORTAL_ACCOUNTS: "bad" },
      { PORTAL_ACCOUNTS: "ada@example.com:cus_Q1:sub_Q1" },
      { PORTAL_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_x", PORTAL_ACCOUNTS: "bad" },
    ]) {
      expect(() => readConfig(env)).toThrow(/^PORTAL_ACCOUNTS must be comma-separated email:customerId entries/);
    }
  });

  it("takes PUBLIC_ORIGIN as an origin only", () => {
    expect(readConfig({ PUBLIC_ORIGIN: "HTTPS://Billing.Example.com:443" }).publicOrigin).toBe(
      "https://billing.example.com",
    );
    for (const value of [
      "billing.example.com",
      "https://billing.example.com/account",
      "ftp://x",
      "https://a@b.example",
    ]) {
      expect(() => readConfig({ PUBLIC_ORIGIN: value }), value).toThrow(/^PUBLIC_ORIGIN must be an origin/);
    }
  });

  it("names HOST and PORT in listen failures", () => {
    const failure = (code: string) => Object.assign(new Error("listen"), { code });
    expect(describeStartupError(failure("ENOTFOUND"), { HOST: "nowhere.invalid" })).toMatch(
      /^HOST "nowhere.invalid" does not resolve/,
    );
    expect(describeStartupError(failure("EADDRNOTAVAIL"), { HOST: "10.9.9.9" })).toMatch(
      /^HOST "10.9.9.9" is not an address/,
    );
    expect(describeStartupError(failure("EADDRINUSE"), {})).toMatch(/PORT/);
    expect(describeStartupError(new TypeError("x"), {})).toBe("TypeError while starting");
  });
});

describe("address fields", () => {
  it("checks email, ZIP, phone and country, and the required fields", () => {
    expect(validateAddress({ line1: "1 Main St", city: "Springfield", country: "US", postalCode: "12345" })).toEqual(
      {},
    );
    expect(Object.keys(validateAddress({ email: "a@b", phone: "x", postalCode: "!", country: "usa" })).sort()).toEqual([
      "city",
      "country",
      "email",
      "line1",
      "phone",
      "postalCode",
    ]);
  });

  it("maps each vendor's field names to the form's", () => {
    expect(formFieldOf("address.postalCode")).toBe("postalCode");
    expect(formFieldOf("billing_address.zip")).toBe("postalCode");
    expect(formFieldOf("shipping.address.postal_code")).toBe("postalCode");
    expect(formFieldOf("billing_address.country")).toBe("country");
    expect(formFieldOf("shipping_address.first_name")).toBe("firstName");
    expect(formFieldOf("subscriptionId")).toBeUndefined();
    expect(formFieldOf(undefined)).toBeUndefined();
  });
});
