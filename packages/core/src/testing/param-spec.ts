import type { FormObject, FormValue } from "./form";

/** The parameters an endpoint knows: `true` for a leaf (or a list), a nested spec for a hash. */
export interface ParamSpec {
  [name: string]: true | ParamSpec;
}

/**
 * The first parameter the endpoint does not know, named in bracket form (`shipping[foo]`),
 * as Chargebee and Stripe name it in their errors; undefined when every one is known.
 */
export function unknownParam(params: FormObject, spec: ParamSpec, prefix = ""): string | undefined {
  for (const [key, value] of Object.entries(params)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    const allowed = spec[key];
    if (allowed === undefined) return name;
    if (allowed === true || typeof value === "string") continue;
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        if (typeof item === "string" || Array.isArray(item)) continue;
        const found = unknownParam(item, allowed, `${name}[${index}]`);
        if (found) return found;
      }
      continue;
    }
    const found = unknownParam(value, allowed, name);
    if (found) return found;
  }
  return undefined;
}

/** A spec from flat wire names: `["limit", "customer_id[is]"]` → `{ limit: true, customer_id: { is: true } }`. */
export function paramSpecOf(names: readonly string[]): ParamSpec {
  const spec: ParamSpec = {};
  for (const name of names) {
    const parts = name.replace(/\]/g, "").split("[");
    let node = spec;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) {
        node[part] ??= true;
        return;
      }
      const child = node[part];
      const next: ParamSpec = child === undefined || child === true ? {} : child;
      node[part] = next;
      node = next;
    });
  }
  return spec;
}

export function stringParam(value: FormValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export function hashParam(value: FormValue | undefined): FormObject | undefined {
  return value !== undefined && typeof value !== "string" && !Array.isArray(value) ? value : undefined;
}

const regions = new Intl.DisplayNames(["en"], { type: "region" });

/** An ISO 3166-1 alpha-2 code of a country (or territory) that exists: `GB` is one, `XX` is not. */
export function isCountryCode(value: string): boolean {
  if (!/^[A-Z]{2}$/.test(value)) return false;
  const name = regions.of(value);
  return name !== undefined && name !== value && name !== "Unknown Region";
}
