import { PortalError } from "@portalkit/core";
import { describe, expect, it } from "vitest";
import { createChargebeeProvider } from "../src";

const valid = { site: "acme-test", apiKey: "test_options_key_0123456789" };

function refusal(options: Record<string, unknown>): PortalError {
  try {
    createChargebeeProvider({ ...valid, ...options } as never);
  } catch (error) {
    if (PortalError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(options)}`);
}

describe("Chargebee provider options", () => {
  it("takes a site name and nothing that would change the API host", () => {
    for (const site of ["acme", "acme-test", "acme.eu", "ACME2"]) {
      expect(() => createChargebeeProvider({ ...valid, site })).not.toThrow();
    }
    // The site becomes `https://<site>.chargebee.com`: a slash, an @, a colon or a space
    // anywhere in it would send the API key elsewhere.
    for (const site of ["evil.example/x", "x@evil.example", "acme:8443", "acme test", "/acme", "acme/", ""]) {
      const error = refusal({ site });
      expect([error.code, error.field]).toEqual(["invalid_input", "site"]);
      expect(error.message).not.toContain(valid.apiKey);
    }
    expect(refusal({ site: "a".repeat(101) }).field).toBe("site");
  });

  it("takes an http or https apiBaseUrl only", () => {
    for (const apiBaseUrl of ["http://127.0.0.1:4010", "https://acme-test.chargebee.com/api/v2"]) {
      expect(() => createChargebeeProvider({ ...valid, apiBaseUrl })).not.toThrow();
    }
    for (const apiBaseUrl of ["ftp://127.0.0.1", "httpss://x.example", "xhttp://x.example", "javascript:alert(1)"]) {
      expect(refusal({ apiBaseUrl }).field).toBe("apiBaseUrl");
    }
  });

  it("needs both webhook credentials, neither empty, and bounded reason codes", () => {
    expect(() =>
      createChargebeeProvider({ ...valid, webhookAuth: { username: "hooks", password: "hook-password" } }),
    ).not.toThrow();
    expect(refusal({ webhookAuth: { username: "", password: "hook-password" } }).field).toBe("webhookAuth.username");
    expect(refusal({ webhookAuth: { username: "hooks", password: "" } }).field).toBe("webhookAuth.password");
    expect(refusal({ webhookAuth: { username: "hooks" } }).field).toBe("webhookAuth.password");
    expect(() =>
      createChargebeeProvider({ ...valid, cancelReasonCodes: ["too_expensive", "x".repeat(100)] }),
    ).not.toThrow();
    expect(refusal({ cancelReasonCodes: [""] }).field).toBe("cancelReasonCodes.0");
    expect(refusal({ cancelReasonCodes: ["x".repeat(101)] }).field).toBe("cancelReasonCodes.0");
    expect(refusal({ cancelReasonCodes: Array.from({ length: 201 }, (_, i) => `r${i}`) }).field).toBe(
      "cancelReasonCodes",
    );
  });
});
