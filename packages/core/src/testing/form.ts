/**
 * Form bodies as Chargebee and Stripe send them: `a[b][c]=1`, `list[0]=x`, `expand[]=y`.
 */
export type FormValue = string | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

/** Parses `a[b][0]=x&c=y` into `{ a: { b: ["x"] }, c: "y" }`. */
export function parseForm(body: string | URLSearchParams): FormObject {
  const params = typeof body === "string" ? new URLSearchParams(body) : body;
  const root: FormObject = {};
  for (const [name, value] of params) setPath(root, splitFormName(name), value);
  return root;
}

/** `shipping[address][line1]` → `["shipping", "address", "line1"]`; `expand[]` → `["expand", ""]`. */
export function splitFormName(name: string): string[] {
  const first = name.indexOf("[");
  if (first === -1) return [name];
  const parts = [name.slice(0, first)];
  const re = /\[([^\]]*)\]/g;
  for (let match = re.exec(name); match; match = re.exec(name)) parts.push(match[1] ?? "");
  return parts;
}

function setPath(root: FormObject, path: string[], value: string): void {
  let node: FormObject | FormValue[] = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i] ?? "";
    const last = i === path.length - 1;
    const nextKey = path[i + 1];
    const nextIsArray = nextKey === "" || (nextKey !== undefined && /^\d+$/.test(nextKey));
    if (Array.isArray(node)) {
      const index: number = key === "" ? node.length : Number(key);
      if (last) {
        node[index] = value;
        return;
      }
      const existing: FormValue | undefined = node[index];
      const child: FormObject | FormValue[] =
        existing !== undefined && typeof existing !== "string" ? existing : nextIsArray ? [] : {};
      node[index] = child;
      node = child;
    } else {
      if (last) {
        node[key] = value;
        return;
      }
      const existing: FormValue | undefined = node[key];
      const child: FormObject | FormValue[] =
        existing !== undefined && typeof existing !== "string" ? existing : nextIsArray ? [] : {};
      node[key] = child;
      node = child;
    }
  }
}

/** Flattens `{ a: { b: "x" } }` back into `[["a[b]", "x"]]`, the order kept. */
export function flattenForm(value: FormObject, prefix = ""): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, child] of Object.entries(value)) {
    const name = prefix ? `${prefix}[${key}]` : key;
    if (typeof child === "string") out.push([name, child]);
    else if (Array.isArray(child)) {
      child.forEach((item, index) => {
        const itemName = `${name}[${index}]`;
        if (typeof item === "string") out.push([itemName, item]);
        else if (Array.isArray(item)) out.push(...flattenForm({ [index]: item } as FormObject, name));
        else out.push(...flattenForm(item, itemName));
      });
    } else out.push(...flattenForm(child, name));
  }
  return out;
}
