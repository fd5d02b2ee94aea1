import { PortalError } from "@portalkit/core";

/** The origin of an absolute http(s) URL, lower case and without a default port; undefined otherwise. */
export function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a `returnUrl` that is not on one of the allowed origins: the vendor's portal sends
 * the customer there, so anything else would be an open redirect. URLs with credentials
 * (`https://app.example@evil.example/`, `https://user@app.example/`) are refused too.
 */
export function checkReturnUrl(
  returnUrl: string | undefined,
  allowed: ReadonlySet<string>,
  provider: string,
): string | undefined {
  if (returnUrl === undefined) return undefined;
  const url = URL.canParse(returnUrl) ? new URL(returnUrl) : undefined;
  const credentials = url === undefined || url.username !== "" || url.password !== "";
  if (credentials || !allowed.has(url.origin)) {
    throw new PortalError({
      code: "invalid_input",
      provider,
      field: "returnUrl",
      message: "Invalid input at returnUrl: must be a URL on one of the app's allowed origins",
    });
  }
  return returnUrl;
}
