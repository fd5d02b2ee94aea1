import { decodeCursor, encodeCursor } from "@portalkit/core";

interface Issued {
  readonly provider: string;
  readonly customerId: string;
  readonly position: string;
}

/** How many of the cursors last issued are remembered (a walk needs only its latest). */
const REMEMBERED = 256;

const ISSUED = new Map<string, Issued>();

/** `encodeCursor`, remembering what the cursor holds so that `readCursor` need not decode it. */
export function issueCursor(provider: string, customerId: string, position: string): string {
  const cursor = encodeCursor(provider, customerId, position);
  if (!ISSUED.has(cursor)) {
    // Forgotten all at once when full: no iterator a page to find the oldest, and a walk
    // that loses its latest cursor this way only decodes it.
    if (ISSUED.size >= REMEMBERED) ISSUED.clear();
    ISSUED.set(cursor, { provider, customerId, position });
  }
  return cursor;
}

/**
 * `decodeCursor`'s answer. A walk hands back the cursor of the page before, which this
 * process wrote from a known position: that one is answered from memory rather than by
 * decoding base64url and JSON again (a cursor is a pure function of what it holds). Any
 * other cursor, or one issued for another provider or customer, goes to `decodeCursor`,
 * which also writes the error.
 */
export function readCursor(provider: string, customerId: string, cursor: string): string {
  const issued = ISSUED.get(cursor);
  if (issued !== undefined && issued.provider === provider && issued.customerId === customerId) {
    return issued.position;
  }
  return decodeCursor(provider, customerId, cursor);
}
