// Property tests: the portal handler answers any request with a Response; an error is a
// JSON body with a code, never a stack trace, a secret or an internal error.

import { twoCustomers } from "@portalkit/conformance/world";
import { createMemoryProvider } from "@portalkit/memory";
import { createMemoryBackend } from "@portalkit/memory/testing";
import { createPortalHandler } from "@portalkit/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const RUNS = process.env.CI === "true" ? 1_000 : 200;
const API_KEY = "mem_key_server_property_0123456789";
const ORIGIN = "https://app.example";

const segment = fc.oneof(
  fc.constantFrom("session", "launch", "invoices", "pdf", "subscriptions", "cancel", "reactivate", "address"),
  fc.constantFrom("sub_alice", "sub_bob", "in_cus_alice_000000", "in_cus_bob_000000", "%E0%A4%A", "%2F..", ".."),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);
const body = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        section: fc.constantFrom("payment_sources", "cancel_subscription", "nope"),
        subscriptionId: fc.constantFrom("sub_alice", "sub_bob", ""),
        when: fc.constantFrom("now", "period_end", "soon"),
        returnUrl: fc.oneof(fc.webUrl(), fc.string()),
        kind: fc.constantFrom("billing", "shipping"),
        address: fc.dictionary(fc.constantFrom("line1", "city", "country", "postalCode", "x"), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 80 }),
  fc.constant(""),
);
const request = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
  path: fc.array(segment, { maxLength: 4 }).map((parts) => `/portal/${parts.join("/")}`),
  query: fc.array(
    fc.tuple(fc.constantFrom("limit", "cursor", "status", "includePending", "subscriptionId", "x"), fc.string()),
    { maxLength: 3 },
  ),
  body,
  contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", ""),
  cookie: fc.constantFrom("sid=alice", "sid=bob", "sid=nobody", ""),
  origin: fc.constantFrom(ORIGIN, "https://evil.example", ""),
});

describe("portal handler", () => {
  it("answers every request with a Response; errors are JSON with a code and no secret or stack", async () => {
    const backend = createMemoryBackend({ apiKey: API_KEY, world: twoCustomers() });
    const provider = createMemoryProvider({ apiKey: API_KEY, fetch: backend.fetch, retry: { maxAttempts: 1 } });
    const handler = createPortalHandler(provider, {
      basePath: "/portal",
      authenticate: (req) => {
        const sid = /sid=(\w+)/.exec(req.headers.get("cookie") ?? "")?.[1];
        return sid === "alice" ? "cus_alice" : sid === "bob" ? "cus_bob" : null;
      },
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = new URL(`${ORIGIN}${r.path}`);
        for (const [name, value] of r.query) url.searchParams.append(name, value);
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.cookie) headers.cookie = r.cookie;
        if (r.origin) headers.origin = r.origin;
        const hasBody = r.method !== "GET" && r.method !== "HEAD";
        const response = await handler(
          new Request(url, { method: r.method, headers, ...(hasBody ? { body: r.body } : {}) }),
        );
        expect(response).toBeInstanceOf(Response);
        const text = await response.text();
        if (r.method === "HEAD") {
          // HEAD answers as GET would, without the body.
          expect(text).toBe("");
          expect(response.headers.get("content-type")).toContain("application/json");
        } else if (response.status >= 400) {
          expect(response.headers.get("content-type")).toContain("application/json");
          const parsed = JSON.parse(text) as { error: { code: string; message: string } };
          expect(typeof parsed.error.code).toBe("string");
          expect(parsed.error.code).not.toBe("internal");
          expect(text).not.toMatch(/\n\s+at /);
        }
        expect(text).not.toContain(API_KEY);
      }),
      { numRuns: RUNS },
    );
  });
});
