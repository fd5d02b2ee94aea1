import { describe, expect, it } from "vitest";
import { createSessionCookies, SESSION_COOKIE } from "../src/session-cookie";

const SECRET = "a-session-secret-of-at-least-32-characters";

function requestWith(setCookie: string, url = "http://localhost:3000/account"): Request {
  const pair = setCookie.split(";")[0] ?? "";
  return new Request(url, { headers: { cookie: `other=1; ${pair}` } });
}

describe("session cookies", () => {
  it("signs a customer in with an httpOnly, SameSite=Lax cookie, Secure only over https", () => {
    const cookies = createSessionCookies(SECRET);
    const plain = cookies.issue("cus_1", new Request("http://localhost:3000/sign-in"));
    expect(plain).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[\\w-]+\\.[\\w-]+; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800$`),
    );
    expect(cookies.issue("cus_1", new Request("https://portal.example/sign-in"))).toMatch(/; Secure$/);
    expect(cookies.read(requestWith(plain))).toBe("cus_1");
    expect(plain).not.toContain(SECRET);
  });

  it("refuses a tampered, foreign, expired or malformed cookie", () => {
    let now = Date.parse("2026-11-21T08:00:00Z");
    const cookies = createSessionCookies(SECRET, () => now);
    const issued = cookies.issue("cus_1", new Request("http://localhost/"));
    const [name, value] = (issued.split(";")[0] ?? "").split("=") as [string, string];
    const [payload, signature] = value.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify({ c: "cus_2", e: now / 1000 + 3600 })).toString("base64url");
    expect(cookies.read(requestWith(`${name}=${forged}.${signature}`))).toBeNull();
    expect(cookies.read(requestWith(`${name}=${payload}.${signature.slice(1)}`))).toBeNull();
    expect(cookies.read(requestWith(`${name}=${payload}`))).toBeNull();
    expect(createSessionCookies(`${SECRET}-other`).read(requestWith(issued))).toBeNull();
    now += 8 * 3600 * 1000;
    expect(cookies.read(requestWith(issued))).toBeNull();
  });

  it("clears the session", () => {
    const cleared = createSessionCookies(SECRET).clear(new Request("http://localhost/"));
    expect(cleared).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  });

  it("revokes a session on the server: its cookie signs nobody in, other sessions stay", () => {
    let now = Date.parse("2026-11-21T08:00:00Z");
    const cookies = createSessionCookies(SECRET, () => now);
    const first = cookies.issue("cus_1", new Request("http://localhost/"));
    const second = cookies.issue("cus_1", new Request("http://localhost/"));
    expect(cookies.revoke(requestWith(first))).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    expect(cookies.read(requestWith(first))).toBeNull();
    expect(cookies.read(requestWith(second))).toBe("cus_1");
    // Revoking a request without a valid session changes nothing.
    cookies.revoke(new Request("http://localhost/"));
    expect(cookies.read(requestWith(second))).toBe("cus_1");
    // Past its expiry the revoked id is forgotten; the cookie had expired anyway.
    now += 8 * 3600 * 1000 + 1000;
    cookies.revoke(requestWith(second));
    expect(cookies.read(requestWith(first))).toBeNull();
  });

  it("needs a secret of at least 32 characters", () => {
    expect(() => createSessionCookies("short")).toThrow(/at least 32/);
  });
});
