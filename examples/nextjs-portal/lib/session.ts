import { randomBytes } from "node:crypto";
import { DEMO_CUSTOMER } from "./demo-world";

export const SESSION_COOKIE = "portal_demo_session";

// The demo's sign-in: a random session id in an httpOnly cookie, mapped to the customer on
// the server. Replace it with your app's sessions and the customer id stored on your users.
const shared = globalThis as typeof globalThis & { portalkitSessions?: Map<string, string> };
shared.portalkitSessions ??= new Map();
const sessions = shared.portalkitSessions;

export function signIn(): string {
  const id = randomBytes(24).toString("base64url");
  sessions.set(id, DEMO_CUSTOMER.id);
  return id;
}

export function signOut(id: string | undefined): void {
  if (id) sessions.delete(id);
}

export function sessionId(cookieHeader: string | null | undefined): string | undefined {
  return new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookieHeader ?? "")?.[1];
}

export function customerOf(cookieHeader: string | null | undefined): string | null {
  const id = sessionId(cookieHeader);
  return (id && sessions.get(id)) || null;
}
