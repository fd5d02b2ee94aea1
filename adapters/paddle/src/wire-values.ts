/** Paddle money amounts are strings of integer minor units: `"1999"`. */
export function minorUnits(value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") return 0;
  const amount = Number(value);
  if (!Number.isSafeInteger(amount))
    throw new TypeError(`Paddle sent an amount that is not integer minor units: ${value}`);
  return amount;
}

/** Paddle timestamps are RFC 3339 with microseconds; portalkit's are ISO-8601 UTC. */
export function toIso(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const canonical = canonicalUtc(value);
  if (canonical !== undefined) return canonical;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`Paddle sent a timestamp that is not one: ${value}`);
  return new Date(ms).toISOString();
}

/**
 * What `new Date(Date.parse(value)).toISOString()` answers for the form Paddle sends,
 * `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with every field in range, written without the two Date
 * round trips (a walk converts several timestamps per invoice): the fraction cut to
 * milliseconds, as Date.parse cuts it. Anything else (an offset, a day past the month's
 * end, hour 24) is left to Date, which knows how to roll it over.
 */
function canonicalUtc(value: string): string | undefined {
  const length = value.length;
  if (length < 20 || value.charCodeAt(length - 1) !== 90 /* Z */) return undefined;
  if (value[4] !== "-" || value[7] !== "-" || value[10] !== "T" || value[13] !== ":" || value[16] !== ":") {
    return undefined;
  }
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  const hour = digits(value, 11, 13);
  const minute = digits(value, 14, 16);
  const second = digits(value, 17, 19);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return undefined;
  }
  if (second < 0 || second > 59 || (day > 28 && day > daysInMonth(year, month))) return undefined;
  if (length === 20) return `${value.slice(0, 19)}.000Z`;
  if (value[19] !== "." || length === 21 || digits(value, 20, length - 1) < 0) return undefined;
  // Already in milliseconds: the value itself; a longer fraction is cut to its first three digits.
  if (length === 24) return value;
  if (length > 24) return `${value.slice(0, 23)}Z`;
  return `${value.slice(0, 19)}.${value.slice(20, length - 1).padEnd(3, "0")}Z`;
}

/** The decimal number value[from..to) spells, or -1 if a character is not a digit. */
function digits(value: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    // Only the first digits matter for range checks; long fractions stay small enough.
    n = n < 1e9 ? n * 10 + digit : n;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
