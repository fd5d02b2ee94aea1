import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findHarnessExport } from "../src/index";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "portalkit-harness-"));
  // Exports in the order a module namespace lists them (alphabetical): a factory that needs
  // options comes before the one that makes the default harness.
  await writeFile(
    join(dir, "adapter.mjs"),
    [
      "export function createAcmeBackedHarness(options) { return { name: options.name, setup() {}, manifest: { invoiceStatuses: [], sessionExpiry: false } }; }",
      'export function createAcmeHarness() { return { name: "acme", setup() {}, manifest: { invoiceStatuses: ["paid"], sessionExpiry: false } }; }',
      "export const version = 1;",
      "",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "plain.mjs"),
    'export const acmeHarness = { name: "acme", setup() {}, manifest: { invoiceStatuses: [], sessionExpiry: false } };\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("findHarnessExport", () => {
  it("skips a harness factory that needs options and takes the next one", async () => {
    expect(await findHarnessExport("./adapter.mjs", dir)).toMatchObject({
      name: "createAcmeHarness",
      factory: true,
      file: join(dir, "adapter.mjs"),
    });
  });

  it("takes an export shaped like a harness, or the one named", async () => {
    expect(await findHarnessExport("plain.mjs", dir)).toMatchObject({ name: "acmeHarness", factory: false });
    expect(await findHarnessExport("./adapter.mjs", dir, "createAcmeHarness")).toMatchObject({ factory: true });
  });

  it("reports a named factory that fails, and a named export that is no harness", async () => {
    await expect(findHarnessExport("./adapter.mjs", dir, "createAcmeBackedHarness")).rejects.toMatchObject({
      code: "invalid_input",
      field: "export",
      message: expect.stringMatching(/^\.\/adapter\.mjs: createAcmeBackedHarness\(\) failed: /),
    });
    await expect(findHarnessExport("./adapter.mjs", dir, "version")).rejects.toMatchObject({
      code: "invalid_input",
      message:
        "./adapter.mjs exports no conformance harness named version (an object with name, setup, manifest, or a function returning one)",
    });
  });
});
