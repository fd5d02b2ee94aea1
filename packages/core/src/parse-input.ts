import type * as z from "zod";
import { PortalError } from "./errors";
import { fastInput } from "./fast-input";

/**
 * Parses an operation's input with its schema. A failure rejects with `invalid_input`
 * naming the first offending field as a dotted path (`address.country`); nothing is sent
 * to the vendor. The commonest inputs are checked by hand with the schema's own rules
 * (fast-input.ts); zod checks everything else.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, provider: string): z.output<S> {
  const fast = fastInput(schema, input);
  if (fast !== undefined) return fast as z.output<S>;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const unknownKeys = issue && issue.code === "unrecognized_keys" ? issue.keys : undefined;
  const path = issue ? [...issue.path.map(String), ...(unknownKeys?.slice(0, 1) ?? [])] : [];
  const field = path.length > 0 ? path.join(".") : undefined;
  const detail = issue ? issue.message : "invalid input";
  const options: ConstructorParameters<typeof PortalError>[0] = {
    code: "invalid_input",
    provider,
    message: field ? `Invalid input at ${field}: ${detail}` : `Invalid input: ${detail}`,
    retryable: false,
  };
  if (field) options.field = field;
  throw new PortalError(options);
}
