const registered = new Set<string>();

// Shapes of credentials that must never leave the server: Stripe keys, bearer and basic
// authorization values, signing secrets, and secret-looking query parameters.
const PATTERNS: RegExp[] = [
  /\b(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]{6,}/g,
  /\bwhsec_[A-Za-z0-9]{6,}/g,
  /\b(?:test|live)_[A-Za-z0-9]{20,}/g,
  /\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi,
  /([?&](?:api_key|apikey|token|access_token|secret|key|signature)=)[^&#\s"']+/gi,
  /("?(?:api_?key|apiKey|secret(?:_?key)?|secretKey|billflowSecret|authorization|token|password)"?\s*[:=]\s*"?)[^",}\s&]+/gi,
];

/**
 * Registers a secret (an API key, a signing secret) so that every PortalError message and
 * every redacted log line replaces it. Adapters call this with the secrets they are given.
 */
export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 6) registered.add(secret);
}

export function redactSecrets(text: string): string {
  let out = asText(text);
  for (const secret of registered) {
    if (out.includes(secret)) out = out.split(secret).join("[redacted]");
  }
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match: string, prefix?: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) && prefix.length < match.length
        ? `${prefix}[redacted]`
        : "[redacted]",
    );
  }
  return out;
}

/** Messages come from vendor bodies too, where `message` may be any JSON value (`{"toString": 1}` included). */
function asText(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
