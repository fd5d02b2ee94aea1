/**
 * True when a browser sent a form post from another site. The SameSite=Lax session cookie
 * already stays home on cross-site posts; this check refuses them outright too.
 */
export function isCrossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(request.url).origin;
}
