import { PortalError } from "@portalkit/core";
import { readBodyText } from "./read-body";

/** Reads a JSON object body, bounded while read; an empty body is `{}`. */
export async function readJsonObject(
  request: Request,
  provider: string,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  const text = await readBodyText(request, maxBytes, provider);
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
