import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "portal_session";
const MAX_AGE_SECONDS = 8 * 60 * 60;

export interface SessionCookies {
  /** A `Set-Cookie` value signing the customer in. */
  issue(customerId: string, request: Request): string;
  /** A `Set-Cookie` value that signs out. */
  clear(request: Request): string;
  /** The customer id of a valid, unexpired session cookie, or null. */
  read(request: Request): string | null;
}

function attributes(request: Request, maxAge: number): string {
  // Secure only over https, so that http://localhost works in development.
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/**
 * The app's own session: `base64url(payload).base64url(HMAC-SHA256(payload))` in an
 * httpOnly, SameSite=Lax cookie. The payload holds the customer id and an expiry.
 */
export function createSessionCookies(secret: string, now: () => number = Date.now): SessionCookies {
  if (secret.length < 32) throw new Error("The session secret must be at least 32 characters");
  const sign = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

  return {
    issue(customerId, request) {
      const payload = Buffer.from(
        JSON.stringify({ c: customerId, e: Math.floor(now() / 1000) + MAX_AGE_SECONDS }),
      ).toString("base64url");
      return `${SESSION_COOKIE}=${payload}.${sign(payload)}; ${attributes(request, MAX_AGE_SECONDS)}`;
    },
    clear(request) {
      return `${SESSION_COOKIE}=; ${attributes(request, 0)}`;
    },
    read(request) {
      const value = readCookie(request, SESSION_COOKIE);
      const dot = value?.indexOf(".") ?? -1;
      if (!value || dot < 1) return null;
      const payload = value.slice(0, dot);
      const given = Buffer.from(value.slice(dot + 1), "base64url");
      const expected = Buffer.from(sign(payload), "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const { c, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { c?: unknown; e?: unknown };
        if (typeof c !== "string" || typeof e !== "number" || e * 1000 <= now()) return null;
        return c;
      } catch {
        return null;
      }
    },
  };
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
