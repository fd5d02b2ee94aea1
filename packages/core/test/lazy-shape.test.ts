import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { AddressSchema, InvoiceSchema, joinShapes, lazyShape, vendorLaunchSchema } from "../src/index";

const eager = () =>
  z.strictObject({
    id: z.string().min(2),
    amount: z.number().int().optional(),
    address: AddressSchema.optional(),
  });
const lazy = () =>
  z.strictObject(
    lazyShape({
      id: () => z.string().min(2),
      amount: () => z.number().int().optional(),
      address: () => AddressSchema.optional(),
    }),
  );

describe("lazy shapes", () => {
  it("make the same schema as the eager shape: answers, errors, keys, extend, JSON Schema", () => {
    const inputs: unknown[] = [
      { id: "ab", amount: 3 },
      { amount: 3, id: "ab", address: { country: "US" } },
      { id: "a" },
      { id: "ab", amount: 1.5, extra: true },
      { id: "ab", address: { country: "us" } },
      null,
      [],
    ];
    for (const input of inputs) {
      const a = eager().safeParse(input);
      const b = lazy().safeParse(input);
      expect(b.success).toBe(a.success);
      expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data));
      expect(b.error?.issues).toEqual(a.error?.issues);
    }
    expect(Object.keys(lazy().shape)).toEqual(Object.keys(eager().shape));
    const extended = lazy().extend({ note: z.string() });
    expect(Object.keys(extended.shape)).toEqual(["id", "amount", "address", "note"]);
    expect(extended.parse({ id: "ab", note: "n" })).toEqual({ id: "ab", note: "n" });
    expect(z.toJSONSchema(lazy())).toEqual(z.toJSONSchema(eager()));
    expect(lazy()).toBeInstanceOf(z.ZodObject);
  });

  it("build each field once, and keep doing so after they are built", () => {
    let builds = 0;
    const shape = lazyShape({
      a: () => {
        builds++;
        return z.string();
      },
    });
    const schema = z.object(shape);
    expect(schema.shape.a).toBe(schema.shape.a);
    schema.parse({ a: "x" });
    expect(builds).toBe(1);
    // Every lazy shape is built by then: the field holds a value, not a getter.
    expect(Object.getOwnPropertyDescriptor(shape, "a")?.get).toBeUndefined();
    expect(z.object(lazyShape({ b: () => z.number() })).parse({ b: 1 })).toEqual({ b: 1 });
  });

  it("join shapes in spread order, later keys winning, without reading their fields", () => {
    const joined = joinShapes(lazyShape({ a: () => z.string(), b: () => z.string() }), {
      b: z.number(),
      c: z.boolean(),
    });
    expect(Object.keys(joined)).toEqual(["a", "b", "c"]);
    expect(z.object(joined).parse({ a: "x", b: 1, c: true })).toEqual({ a: "x", b: 1, c: true });
    const launch = vendorLaunchSchema("acme-embed", lazyShape({ token: () => z.string() }));
    expect(Object.keys(launch.shape)).toEqual([
      "kind",
      "provider",
      "section",
      "fallback",
      "expiresAt",
      "sessionId",
      "token",
    ]);
  });

  it("leave core's field schemas unbuilt until first use", () => {
    // A fresh process on the sources (no build needed), counting the schemas zod makes.
    const root = join(import.meta.dirname, "../../..");
    const script = `let made = 0;
globalThis.__zod_globalConfig = { postProcessor: () => { made++; } };
const core = await import("@portalkit/core");
const atImport = made;
core.InvoiceSchema.safeParse({});
process.stdout.write(JSON.stringify([atImport, made - atImport]));`;
    const [atImport, onFirstUse] = JSON.parse(
      execFileSync(
        process.execPath,
        ["--import", "tsx", "--conditions=@portalkit/source", "--input-type=module", "-e", script],
        { cwd: root },
      ).toString(),
    ) as [number, number];
    expect(atImport).toBeLessThan(150);
    expect(onFirstUse).toBeGreaterThan(150);
  });

  it("give InvoiceSchema the fields it always had", () => {
    expect(Object.keys(InvoiceSchema.shape)).toEqual([
      "id",
      "provider",
      "customerId",
      "subscriptionId",
      "number",
      "status",
      "total",
      "amountDue",
      "amountPaid",
      "issuedAt",
      "dueAt",
      "paidAt",
      "hostedUrl",
      "pdfUrl",
      "raw",
    ]);
  });
});
