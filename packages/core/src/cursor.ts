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
    envelope = undefined;
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

function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlDecode(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
