/**
 * The origins and Host header values the app answers for: its public origin, and when that
 * is a loopback address, the same port on the other loopback names (127.0.0.1, localhost,
 * [::1]). A request for any other Host is refused, so that a page on another name that
 * resolves to this machine (DNS rebinding) cannot reach the app.
 */
export interface AppOrigins {
  /** The public origin every absolute URL is built on. */
  origin: string;
  /** Every origin a browser may send the app's own pages from. */
  origins: ReadonlySet<string>;
  /** The Host header values accepted. */
  hosts: ReadonlySet<string>;
}

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

export function appOrigins(publicOrigin: string): AppOrigins {
  const url = new URL(publicOrigin);
  const names = LOOPBACK.includes(url.hostname) ? LOOPBACK : [url.hostname];
  const port = url.port ? `:${url.port}` : "";
  const hosts = new Set(names.map((name) => `${name}${port}`));
  const origins = new Set([...hosts].map((host) => `${url.protocol}//${host}`));
  return { origin: url.origin, origins, hosts };
}

/** True when the request's Host is not one of the app's own. */
export function isForeignHost(request: Request, origins: AppOrigins): boolean {
  const host = (request.headers.get("host") ?? new URL(request.url).host).toLowerCase();
  return !origins.hosts.has(host);
}

/**
 * True when a browser sent a form post from another site. The SameSite=Lax session cookie
 * already stays home on cross-site posts; this check refuses them outright too.
 */
export function isCrossSite(request: Request, origins: AppOrigins): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  return origin !== null && !origins.origins.has(origin);
}
