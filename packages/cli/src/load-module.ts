import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Imports a module named on the command line: a path (relative to the working directory)
 * or a package specifier. TypeScript files load when `tsx` is installed.
 */
export async function loadModule(specifier: string, cwd = process.cwd()): Promise<Record<string, unknown>> {
  const isPath = specifier.startsWith(".") || isAbsolute(specifier);
  const target = isPath ? pathToFileURL(resolve(cwd, specifier)).href : specifier;
  if (/\.[cm]?tsx?$/.test(specifier)) await registerTypeScript();
  return (await import(target)) as Record<string, unknown>;
}

let registered = false;
async function registerTypeScript(): Promise<void> {
  if (registered) return;
  try {
    const api = (await import("tsx/esm/api")) as { register: () => unknown };
    api.register();
    registered = true;
  } catch {
    throw new Error("Loading a TypeScript module needs the `tsx` package installed (npm install -D tsx)");
  }
}
