// portalUrl answers Paddle's own links without parsing them; this holds it to what the
// URL parser answers for every text, Paddle's links and lookalikes alike.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PADDLE_PORTAL_HOSTS, portalUrl } from "../src/portal-url";

const RUNS = process.env.CI === "true" ? 20_000 : 3_000;

/** portalUrl by the parser alone, as it was written before the shortcut. */
function parsed(url: string | undefined): string {
  const value = url !== undefined && URL.canParse(url) ? new URL(url) : undefined;
  if (value?.protocol !== "https:" || !PADDLE_PORTAL_HOSTS.has(value.hostname)) {
    throw new TypeError("Paddle answered a portal link outside Paddle's customer portal");
  }
  return value.href;
}

function outcome(read: () => string): unknown {
  try {
    return { url: read() };
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

// The characters a URL parser treats specially, beside plain ones.
const tricky = fc.constantFrom(
  ..."aZ09-._~!$&'()*+,;=:@/?#%[]{}|^`\\\"<> \t\n\u0000\u00e9\u2028".split(""),
  "%2e",
  "%2E",
  "%41",
  "..",
  "/./",
  "/../",
  "%zz",
);
const tail = fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(""));
const start = fc.constantFrom(
  "https://customer-portal.paddle.com/",
  "https://sandbox-customer-portal.paddle.com/",
  "https://customer-portal.paddle.com",
  "https://CUSTOMER-portal.paddle.com/",
  "https://customer-portal.paddle.com:443/",
  "https://customer-portal.paddle.com./",
  "https://customer-portal.paddle.com@evil.example/",
  "http://customer-portal.paddle.com/",
  "https://evil.example/",
  " https://customer-portal.paddle.com/",
  "",
);

describe("portalUrl", () => {
  it("answers every text as the URL parser does", () => {
    fc.assert(
      fc.property(start, tail, (origin, rest) => {
        const url = origin + rest;
        expect(
          outcome(() => portalUrl(url)),
          url,
        ).toEqual(outcome(() => parsed(url)));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers Paddle's usual links as they are, and refuses others", () => {
    const link =
      "https://sandbox-customer-portal.paddle.com/cpl_01j7zbyqs3vah3c6gbfbxhvyr1?action=overview&token=pga_eyJhbGciOiJFZERTQSJ9.eyJpZCI6ImN0bV8wMSJ9.c2ln";
    expect(portalUrl(link)).toBe(link);
    expect(portalUrl("https://customer-portal.paddle.com/a/./b")).toBe("https://customer-portal.paddle.com/a/b");
    expect(portalUrl("https://customer-portal.paddle.com/a?b='c'")).toBe(
      "https://customer-portal.paddle.com/a?b=%27c%27",
    );
    expect(() => portalUrl("https://customer-portal.paddle.com.evil.example/")).toThrow(TypeError);
    expect(() => portalUrl(undefined)).toThrow(TypeError);
  });
});
