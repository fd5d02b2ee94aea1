import { pathToFileURL } from "node:url";
import { cliError } from "./cli-error";
import { resolveSpecifier } from "./resolve-specifier";

export interface LoadedModule {
  /** The file it was loaded from. */
  file: string;
  exports: Record<string, unknown>;
}

/**
 * Imports a module named on the command line: a path (relative to the working directory)
 * or a package specifier resolved from the working directory. TypeScript files load when
 * `tsx` is installed.
 */
export async function loadModule(specifier: string, cwd = process.cwd()): Promise<LoadedModule> {
  const file = resolveSpecifier(specifier, cwd);
  if (/\.[cm]?tsx?$/.test(file)) await registerTypeScript();
  try {
    return { file, exports: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (error) {
    throw cliError(`${specifier} failed to load: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

let registered = false;
async function registerTypeScript(): Promise<void> {
  // Under tsx, or inside vitest, TypeScript already loads.
  if (registered || process.execArgv.some((arg) => arg.includes("tsx")) || process.env.VITEST) return;
  try {
    const api = (await import("tsx/esm/api")) as { register: () => unknown };
    api.register();
    registered = true;
  } catch (error) {
    throw cliError("Loading a TypeScript module needs the `tsx` package installed (npm install -D tsx)", {
      cause: error,
    });
  }
}
