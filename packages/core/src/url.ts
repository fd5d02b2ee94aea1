/**
 * True for an absolute http(s) URL: what `UrlSchema` accepts, cheap enough to call for
 * every invoice of a page (adapters drop vendor URLs that are not).
 */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === "string" && /^https?:\/\/[^/?#\s]/i.test(value) && URL.canParse(value);
}
