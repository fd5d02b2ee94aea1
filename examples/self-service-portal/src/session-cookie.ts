import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "portal_session";
const MAX_AGE_SECONDS = 8 * 60 * 60;

export interface SessionCookies {
  /** A `Set-Cookie` value signing the customer in. */
  issue(customerId: string, request: Request): string;
  /** A `Set-Cookie` value that signs out. */
  clear(request: Request): string;
  /**
   * Ends the request's session on the server: its cookie signs nobody in any more, even
   * if it was copied before sign-out. Answers the `Set-Cookie` value that clears it.
   */
  revoke(request: Request): string;
  /** The customer id of a valid, unexpired session cookie, or null. */
  read(request: Request): string | null;
}

function attributes(request: Request, maxAge: number): string {
  // Secure only over https, so that http://localhost works in development.
  const secure = new URL(request.url).protocol === "https:" ? "; Secure" : "";
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

interface Session {
  customerId: string;
  sessionId: string;
  expiresAt: number;
}

/**
 * The app's own session: `base64url(payload).base64url(HMAC-SHA256(payload))` in an
 * httpOnly, SameSite=Lax cookie. The payload holds the customer id, a random session id
 * and an expiry. Sign-out revokes the session id on the server until the cookie would
 * have expired anyway (the list of revoked ids forgets those past their expiry).
 */
export function createSessionCookies(secret: string, now: () => number = Date.now): SessionCookies {
  if (secret.length < 32) throw new Error("The session secret must be at least 32 characters");
  const sign = (payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");
  const revoked = new Map<string, number>();

  function verified(request: Request): Session | null {
    const value = readCookie(request, SESSION_COOKIE);
    const dot = value?.indexOf(".") ?? -1;
    if (!value || dot < 1) return null;
    const payload = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1), "base64url");
    const expected = Buffer.from(sign(payload), "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const { c, e, s } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
        c?: unknown;
        e?: unknown;
        s?: unknown;
      };
      if (typeof c !== "string" || typeof e !== "number" || typeof s !== "string" || e * 1000 <= now()) return null;
      return { customerId: c, sessionId: s, expiresAt: e };
    } catch {
      return null;
    }
  }

  return {
    issue(customerId, request) {
      const payload = Buffer.from(
        JSON.stringify({
          c: customerId,
          e: Math.floor(now() / 1000) + MAX_AGE_SECONDS,
          s: randomBytes(16).toString("base64url"),
        }),
      ).toString("base64url");
      return `${SESSION_COOKIE}=${payload}.${sign(payload)}; ${attributes(request, MAX_AGE_SECONDS)}`;
    },
    clear(request) {
      return `${SESSION_COOKIE}=; ${attributes(request, 0)}`;
    },
    revoke(request) {
      const session = verified(request);
      const seconds = now() / 1000;
      for (const [id, expiresAt] of revoked) if (expiresAt <= seconds) revoked.delete(id);
      if (session) revoked.set(session.sessionId, session.expiresAt);
      return `${SESSION_COOKIE}=; ${attributes(request, 0)}`;
    },
    read(request) {
      const session = verified(request);
      if (!session || revoked.has(session.sessionId)) return null;
      return session.customerId;
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
