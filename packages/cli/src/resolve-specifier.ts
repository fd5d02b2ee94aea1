import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { cliError } from "./cli-error";

type ExportsValue = string | null | ExportsValue[] | { [key: string]: ExportsValue };

// What Node itself picks when it imports an ES module, plus any `--conditions` it was given.
const CONDITIONS: ReadonlySet<string> = new Set(["node", "import", "default", ...userConditions()]);

function userConditions(): string[] {
  const args = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  const found: string[] = [];
  args.forEach((arg, index) => {
    const inline = /^(?:--conditions|-C)=(.+)$/.exec(arg);
    if (inline?.[1]) found.push(inline[1]);
    else if ((arg === "--conditions" || arg === "-C") && args[index + 1]) found.push(args[index + 1] as string);
  });
  return found;
}

/**
 * The file a module named on the command line loads from, as Node's ESM resolution would
 * find it from `cwd`: a path relative to `cwd` (with or without `./`), or else a package specifier looked up in the
 * node_modules folders above `cwd` (not above portalkit's own install), honouring the
 * package's `exports` map. Node 20's `import.meta.resolve` has no parent argument, hence this.
 */
export function resolveSpecifier(specifier: string, cwd: string): string {
  const asPath = resolve(cwd, specifier);
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    if (!existsSync(asPath)) throw cliError(`${specifier}: no such file (looked for ${asPath})`);
    return asPath;
  }
  // `src/x.config.ts` names a file when there is one, as users type it on a command line.
  if (existsSync(asPath)) return asPath;
  const match = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(specifier);
  if (!match?.[1]) throw cliError(`${specifier}: not a path or a package name`);
  const name = match[1];
  const subpath = `.${match[2] ?? ""}`;
  const packageDir = findPackage(name, cwd);
  if (!packageDir) throw cliError(`${specifier}: package ${name} is not installed in ${cwd} or above`);
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    exports?: ExportsValue;
    main?: string;
  };
  let target: string | undefined;
  if (pkg.exports !== undefined) {
    target = exportTarget(pkg.exports, subpath);
    if (target === undefined) throw cliError(`${specifier}: ${name} does not export ${subpath}`);
  } else {
    target = subpath === "." ? (pkg.main ?? "index.js") : subpath;
  }
  const file = resolve(packageDir, target);
  if (!existsSync(file)) throw cliError(`${specifier} resolves to ${file}, which does not exist (is it built?)`);
  return file;
}

function findPackage(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const own = join(dir, "package.json");
    if (existsSync(own) && (JSON.parse(readFileSync(own, "utf8")) as { name?: string }).name === name) return dir;
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function exportTarget(exports: ExportsValue, subpath: string): string | undefined {
  const isSubpathMap =
    typeof exports === "object" && exports !== null && !Array.isArray(exports) && Object.keys(exports)[0]?.[0] === ".";
  if (!isSubpathMap) return subpath === "." ? conditionTarget(exports) : undefined;
  const map = exports as Record<string, ExportsValue>;
  const exact = map[subpath];
  if (exact !== undefined) return conditionTarget(exact);
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf("*");
    if (star === -1) continue;
    const [before, after] = [pattern.slice(0, star), pattern.slice(star + 1)];
    if (!subpath.startsWith(before) || !subpath.endsWith(after) || subpath.length < pattern.length - 1) continue;
    const filled = subpath.slice(before.length, subpath.length - after.length);
    return conditionTarget(value)?.replaceAll("*", filled);
  }
  return undefined;
}

function conditionTarget(value: ExportsValue): string | undefined {
  if (typeof value === "string") return value;
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = conditionTarget(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [condition, nested] of Object.entries(value)) {
    if (!CONDITIONS.has(condition)) continue;
    const found = conditionTarget(nested);
    if (found !== undefined) return found;
  }
  return undefined;
}
