/**
 * True when a browser sent the request from another site. Requests without Origin and
 * Sec-Fetch-Site (server-to-server calls, curl) are not cross-site: they carry no
 * browser cookies for an attacker to ride on.
 */
export function isCrossSite(request: Request, ownOrigin: string, allowedOrigins: ReadonlySet<string>): boolean {
  const origin = request.headers.get("origin");
  if (origin !== null && allowedOrigins.has(origin)) return false;
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  return origin !== null && origin !== ownOrigin;
}
