import { PortalError } from "./errors";

interface CursorEnvelope {
  p: string;
  c: string;
  v: string;
}

/**
 * Wraps a vendor's position (Chargebee's `next_offset`, Stripe's last invoice id) in an
 * opaque cursor bound to the provider and the customer it was issued for.
 */
export function encodeCursor(provider: string, customerId: string, position: string): string {
  const envelope: CursorEnvelope = { p: provider, c: customerId, v: position };
  return base64UrlEncode(JSON.stringify(envelope));
}

/** Reads a cursor back; a cursor from another provider or customer is `invalid_input`. */
export function decodeCursor(provider: string, customerId: string, cursor: string): string {
  let envelope: unknown;
  try {
    envelope = JSON.parse(base64UrlDecode(cursor));
  } catch {
    // Not base64url or not JSON: envelope stays undefined and is refused below.
  }
  if (
    typeof envelope !== "object" ||
    envelope === null ||
    typeof (envelope as CursorEnvelope).v !== "string" ||
    (envelope as CursorEnvelope).p !== provider ||
    (envelope as CursorEnvelope).c !== customerId
  ) {
    throw new PortalError({
      code: "invalid_input",
      provider,
      field: "cursor",
      message: "Invalid input at cursor: not a cursor this provider issued for this customer",
    });
  }
  return (envelope as CursorEnvelope).v;
}

// Node's Buffer writes and reads base64url natively (no padding, the same alphabet as the
// portable path below, which runtimes without Buffer take). One fatal decoder for every
// call: a cursor that is not UTF-8 is refused, as before.
const NodeBuffer = (globalThis as { Buffer?: BufferLike }).Buffer;
const UTF8 = new TextDecoder("utf-8", { fatal: true });
const BASE64URL = /^[A-Za-z0-9_-]*$/;

interface BufferLike {
  from(text: string, encoding: "utf8" | "base64url"): Uint8Array & { toString(encoding: "base64url"): string };
}

function base64UrlEncode(text: string): string {
  if (NodeBuffer) return NodeBuffer.from(text, "utf8").toString("base64url");
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlDecode(text: string): string {
  // A length of 4n+1 is no base64 at all (atob refuses it; Buffer would drop the last character).
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Error("not base64url");
  if (NodeBuffer) return UTF8.decode(NodeBuffer.from(text, "base64url"));
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return UTF8.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
