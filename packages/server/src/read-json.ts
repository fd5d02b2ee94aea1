import { PortalError } from "@portalkit/core";

const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON object body; an empty body is `{}`. */
export async function readJsonObject(request: Request, provider: string): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge(provider);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw tooLarge(provider);
  if (text.trim() === "") return {};
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new PortalError({
      code: "invalid_request",
      provider,
      message: "The request body must be sent with Content-Type: application/json",
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new PortalError({ code: "invalid_input", provider, message: "The request body is not valid JSON" });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PortalError({ code: "invalid_input", provider, message: "The request body must be a JSON object" });
  }
  return value as Record<string, unknown>;
}

function tooLarge(provider: string): PortalError {
  return new PortalError({ code: "invalid_request", provider, message: "The request body is too large" });
}
