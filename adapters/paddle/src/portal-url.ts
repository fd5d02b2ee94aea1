/** Paddle's customer portal, where its session links send the customer. */
export const PADDLE_PORTAL_HOSTS: ReadonlySet<string> = new Set([
  "customer-portal.paddle.com",
  "sandbox-customer-portal.paddle.com",
]);

/** A portal link Paddle answered, refused unless it leads to Paddle's customer portal over https. */
export function portalUrl(url: string | undefined): string {
  // Paddle's own links come back from the URL parser as they were written; parsing one
  // costs more than the rest of building a session, so those are answered as they are.
  if (url !== undefined && writtenAsParsed(url)) return url;
  const parsed = url !== undefined && URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol !== "https:" || !PADDLE_PORTAL_HOSTS.has(parsed.hostname)) {
    throw new TypeError("Paddle answered a portal link outside Paddle's customer portal");
  }
  return parsed.href;
}

const ORIGINS = [...PADDLE_PORTAL_HOSTS].map((host) => `https://${host}/`);

// After the origin: a path and an optional query of characters that no URL serializer
// percent-encodes or rewrites in an https URL (no `%` in the path, where `%2e` is a dot
// segment; no `'`, which an https query encodes; no `#`, `\`, spaces or controls).
const PLAIN = /[A-Za-z0-9\-._~!$&()*+,;=:@/]*(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@/?%]*)?$/y;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * Whether `new URL(url).href` is `url` itself and names one of Paddle's portal hosts: the
 * origin written out in lower case with its `/`, then only plain characters and no `.` or
 * `..` segment. Anything else goes to the parser. A test holds the two to the same answers.
 */
function writtenAsParsed(url: string): boolean {
  const origin = ORIGINS.find((prefix) => url.startsWith(prefix));
  if (origin === undefined) return false;
  PLAIN.lastIndex = origin.length;
  if (!PLAIN.test(url)) return false;
  const query = url.indexOf("?", origin.length);
  return !DOT_SEGMENT.test(url.slice(origin.length - 1, query < 0 ? url.length : query));
}
