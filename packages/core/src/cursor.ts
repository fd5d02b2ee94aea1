import { PortalError } from "./errors";

interface CursorEnvelope {
  p: string;
  c: string;
  v: string;
}

interface Issued {
  readonly provider: string;
  readonly customerId: string;
  readonly position: string;
}

/** How many of the cursors last written are remembered (a walk needs only its latest). */
const REMEMBERED = 256;

/** The cursors this process wrote last, by their text. */
const ISSUED = new Map<string, Issued>();

/**
 * Wraps a vendor's position (Chargebee's `next_offset`, Stripe's last invoice id) in an
 * opaque cursor bound to the provider and the customer it was issued for.
 */
export function encodeCursor(provider: string, customerId: string, position: string): string {
  const cursor = writeEnvelope(provider, customerId, position);
  if (!ISSUED.has(cursor)) {
    // Forgotten all at once when full: a walk that loses its latest cursor this way only decodes it.
    if (ISSUED.size >= REMEMBERED) ISSUED.clear();
    ISSUED.set(cursor, { provider, customerId, position });
  }
  return cursor;
}

/**
 * The opening of the envelopes written for one provider and customer, `{"p":…,"c":…,"v":`,
 * as base64url up to its last whole three characters (`encoded`, undefined when the text is
 * not ASCII), and the characters left over (`rest`). Base64 writes every three bytes as four
 * characters on their own, so a cursor is `encoded` followed by the base64url of `rest`, the
 * position and the closing brace.
 */
interface Opening {
  readonly provider: string;
  readonly customerId: string;
  readonly encoded: string | undefined;
  readonly rest: string;
}

/** The opening written last: a walk writes every cursor of its pages for the same two. */
let lastOpening: Opening | undefined;

/**
 * `base64url(JSON.stringify({ p: provider, c: customerId, v: position }))`, with the part
 * that is the same for every page of a walk written once. JSON.stringify writes an object of
 * three strings as `{"p":` + the quoted provider + `,"c":` + … + `}`, which is how the text is
 * put together here; a property test holds the two to each other.
 */
function writeEnvelope(provider: string, customerId: string, position: string): string {
  let opening = lastOpening;
  if (opening === undefined || opening.provider !== provider || opening.customerId !== customerId) {
    const text = `{"p":${JSON.stringify(provider)},"c":${JSON.stringify(customerId)},"v":`;
    const whole = text.length - (text.length % 3);
    opening = { provider, customerId, encoded: asciiToBase64Url(text.slice(0, whole)), rest: text.slice(whole) };
    lastOpening = opening;
  }
  if (opening.encoded !== undefined) {
    const tail = asciiToBase64Url(`${opening.rest}${JSON.stringify(position)}}`);
    if (tail !== undefined) return opening.encoded + tail;
  }
  const envelope: CursorEnvelope = { p: provider, c: customerId, v: position };
  return base64UrlEncode(JSON.stringify(envelope));
}

/**
 * Reads a cursor back; a cursor from another provider or customer is `invalid_input`.
 *
 * A walk hands back the cursor of the page before, which this process wrote: that one is
 * answered from memory rather than by decoding base64url and JSON again (a cursor is a pure
 * function of what it holds). Any other cursor, or one issued for another provider or
 * customer, is decoded, and the decoding writes the error.
 */
export function decodeCursor(provider: string, customerId: string, cursor: string): string {
  const issued = ISSUED.get(cursor);
  if (issued !== undefined && issued.provider === provider && issued.customerId === customerId) {
    return issued.position;
  }
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

// Cursors are nearly always ASCII (ids, offsets), and once a page the conversions through
// Buffer cost more than doing it here. Text with any other character, or long text, takes
// the general paths below. The same text either way: a property test holds these to Buffer.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const MAX_ASCII_PATH = 4_096;
let ENCODE: Uint8Array | undefined;
let DECODE: Uint8Array | undefined;

function encodeTable(): Uint8Array {
  ENCODE ??= Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
  return ENCODE;
}

function decodeTable(): Uint8Array {
  if (DECODE === undefined) {
    DECODE = new Uint8Array(128);
    for (let index = 0; index < ALPHABET.length; index++) DECODE[ALPHABET.charCodeAt(index)] = index;
  }
  return DECODE;
}

/** Base64url (no padding) of ASCII text, as Buffer writes it; undefined for other text. */
export function asciiToBase64Url(text: string): string | undefined {
  const length = text.length;
  if (length > MAX_ASCII_PATH) return undefined;
  const table = encodeTable();
  const out: number[] = [];
  let index = 0;
  for (; index + 2 < length; index += 3) {
    const a = text.charCodeAt(index);
    const b = text.charCodeAt(index + 1);
    const c = text.charCodeAt(index + 2);
    if ((a | b | c) > 0x7f) return undefined;
    out.push(
      table[a >> 2] as number,
      table[((a & 3) << 4) | (b >> 4)] as number,
      table[((b & 15) << 2) | (c >> 6)] as number,
      table[c & 63] as number,
    );
  }
  if (index < length) {
    const a = text.charCodeAt(index);
    const b = index + 1 < length ? text.charCodeAt(index + 1) : 0;
    if ((a | b) > 0x7f) return undefined;
    out.push(table[a >> 2] as number, table[((a & 3) << 4) | (b >> 4)] as number);
    if (index + 1 < length) out.push(table[(b & 15) << 2] as number);
  }
  return String.fromCharCode(...out);
}

/**
 * The ASCII text base64url `text` holds, read as Buffer reads it (the bits past the last
 * whole byte are dropped); undefined when a byte is not ASCII. `text` is base64url already
 * checked, of a length other than 4n+1.
 */
export function base64UrlToAscii(text: string): string | undefined {
  const length = text.length;
  if (length > MAX_ASCII_PATH) return undefined;
  const table = decodeTable();
  const out: number[] = [];
  let index = 0;
  for (; index + 3 < length; index += 4) {
    const bits =
      ((table[text.charCodeAt(index)] as number) << 18) |
      ((table[text.charCodeAt(index + 1)] as number) << 12) |
      ((table[text.charCodeAt(index + 2)] as number) << 6) |
      (table[text.charCodeAt(index + 3)] as number);
    if (bits & 0x808080) return undefined;
    out.push(bits >> 16, (bits >> 8) & 0xff, bits & 0xff);
  }
  const left = length - index;
  if (left >= 2) {
    const bits =
      ((table[text.charCodeAt(index)] as number) << 18) |
      ((table[text.charCodeAt(index + 1)] as number) << 12) |
      (left === 3 ? (table[text.charCodeAt(index + 2)] as number) << 6 : 0);
    if (bits & (left === 3 ? 0x808000 : 0x800000)) return undefined;
    out.push(bits >> 16);
    if (left === 3) out.push((bits >> 8) & 0xff);
  }
  return String.fromCharCode(...out);
}

function base64UrlEncode(text: string): string {
  const ascii = asciiToBase64Url(text);
  if (ascii !== undefined) return ascii;
  if (NodeBuffer) return NodeBuffer.from(text, "utf8").toString("base64url");
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function base64UrlDecode(text: string): string {
  // A length of 4n+1 is no base64 at all (atob refuses it; Buffer would drop the last character).
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Error("not base64url");
  const ascii = base64UrlToAscii(text);
  if (ascii !== undefined) return ascii;
  if (NodeBuffer) return UTF8.decode(NodeBuffer.from(text, "base64url"));
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return UTF8.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
