// The rules of the inputs' building blocks, shared by their zod schemas (schemas.ts,
// inputs.ts) and by the hand-written checks of the commonest inputs (fast-input.ts), so
// the two cannot drift apart. Not exported from the package: the schemas are the contract.

/** The characters of an id (IdSchema). */
export const ID_CHARACTERS = /^[A-Za-z0-9_\-.@+:]+$/;
/** What an id must never be: it would walk up a URL path. */
export const ONLY_DOTS = /^\.+$/;
export const MAX_ID_LENGTH = 100;
/** The longest cursor a listing takes back. */
export const MAX_CURSOR_LENGTH = 2048;
