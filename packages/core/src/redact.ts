// Registered secrets, each with the number of live owners that registered it. A secret
// registered with an owner (the SDK client or options object that holds it) is forgotten
// once every such owner has been collected, so an application that creates a provider per
// tenant or per request does not accumulate secrets, nor pay for them on every error.
// A secret registered without an owner stays for the life of the process.
interface Registration {
  owners: number;
  permanent: boolean;
}

const registered = new Map<string, Registration>();

const released =
  typeof FinalizationRegistry === "function"
    ? new FinalizationRegistry<string>((secret) => {
        const registration = registered.get(secret);
        if (!registration) return;
        registration.owners--;
        if (registration.owners <= 0 && !registration.permanent) registered.delete(secret);
      })
    : undefined;

/**
 * Registers a secret (an API key, a signing secret) so that every PortalError message and
 * every redacted log line replaces it. Adapters call this with the secrets they are given,
 * passing as `owner` the object that holds the secret for their calls (the SDK client, the
 * options object their methods read): the secret is redacted for as long as that object
 * is alive, and forgotten after. Without an owner it is kept for the life of the process.
 */
export function registerSecret(secret: string | undefined, owner?: object): void {
  if (typeof secret !== "string" || secret.length < 6) return;
  let registration = registered.get(secret);
  if (!registration) {
    registration = { owners: 0, permanent: false };
    registered.set(secret, registration);
  }
  if (owner !== undefined && released) {
    registration.owners++;
    released.register(owner, secret);
  } else {
    registration.permanent = true;
  }
}

/** How many distinct secrets are registered now (for measurements and tests). */
export function registeredSecretCount(): number {
  return registered.size;
}

const REDACTED = "[redacted]";

// Shapes of credentials, wherever they appear: Stripe keys and webhook signing secrets,
// Chargebee-style `test_…`/`live_…` keys.
const KEY_SHAPES =
  /\b(?:(?:sk|rk|pk)_(?:test|live)_[A-Za-z0-9]{6,}|whsec_[A-Za-z0-9]{6,}|(?:test|live)_[A-Za-z0-9]{20,})/gi;

// Bearer and Basic authorization values (the scheme in any case). The value is a token no
// word of prose looks like: 24 characters or more, or holding a digit, a symbol of the token
// alphabet or a lower-case letter followed by a capital (as base64 does), so "Basic
// credentials" or "Bearer tokens" in a message stay readable. Written without the `i` flag,
// which would make `[a-z][A-Z]` match any two letters.
const AUTHORIZATION_VALUES =
  /\b(?:[Bb][Ee][Aa][Rr][Ee][Rr]|[Bb][Aa][Ss][Ii][Cc])\s+(?:[A-Za-z0-9._~+/=-]{24,}|(?=[A-Za-z]*(?:[0-9._~+/=-]|[a-z][A-Z]))[A-Za-z0-9._~+/=-]{6,})/g;

// A secret-looking query or form parameter's value (`?api_key=…`, `&client_secret=…`).
const SECRET_PARAM = /((?:^|[?&])(?:[\w.-]*(?:secret|token|password|signature)[\w.-]*|api_?key|key)=)[^&#\s"']+/gi;

// A JSON string property with a secret-looking name (`"apiKey":"…"`, `"client_secret": "…"`).
// Only a quoted value after a quoted name: the words that follow a field name in prose
// ("Invalid input at webhookSecret: Unrecognized key") are not secrets.
const SECRET_JSON_PROPERTY =
  /("[\w.-]*(?:secret|password|token|api_?key|authorization)[\w.-]*"\s*:\s*")(?:[^"\\]|\\.)+(?=")/gi;

export function redactSecrets(text: string): string {
  let out = asText(text);
  for (const secret of registered.keys()) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(SECRET_JSON_PROPERTY, `$1${REDACTED}`)
    .replace(SECRET_PARAM, `$1${REDACTED}`)
    .replace(KEY_SHAPES, REDACTED)
    .replace(AUTHORIZATION_VALUES, REDACTED);
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
