const MAX_LOGGED_PATH = 200;

/** A request's path for a log line: bounded, so that a 15 000-character path logs as 200. */
export function loggedPath(request: Request): string {
  const { pathname } = new URL(request.url);
  return pathname.length <= MAX_LOGGED_PATH
    ? pathname
    : `${pathname.slice(0, MAX_LOGGED_PATH)}… (${pathname.length} characters)`;
}
