import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it, vi } from "vitest";

it("the README's first example runs", async () => {
  const readme = await readFile(join(import.meta.dirname, "..", "README.md"), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(code, "the README starts with a ts example").toBeDefined();
  const file = join(import.meta.dirname, `readme-example-${process.pid}.tmp.ts`);
  const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    await writeFile(file, code ?? "");
    await import(/* @vite-ignore */ file);
    const [launch, page] = log.mock.calls.map(([value]) => value);
    expect(launch).toMatchObject({ kind: "chargebee-js", provider: "chargebee", site: "acme-test" });
    expect(page).toEqual({ data: [] });
  } finally {
    log.mockRestore();
    await rm(file, { force: true });
  }
});
