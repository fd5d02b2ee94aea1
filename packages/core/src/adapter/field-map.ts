/**
 * One table of field names between a portable object and a vendor's (`postalCode` ↔ `zip`),
 * read both ways: `toVendor` copies every field given, `fromVendor` every field the vendor
 * filled (an empty string is no value).
 */
export interface FieldMap<P extends object, V extends object> {
  toVendor(portable: P): V;
  fromVendor(vendor: V): P;
}

export function fieldMap<P extends object, V extends object>(
  pairs: ReadonlyArray<readonly [portable: keyof P, vendor: keyof V]>,
): FieldMap<P, V> {
  return {
    toVendor(portable) {
      const out: Partial<Record<keyof V, unknown>> = {};
      for (const [from, to] of pairs) {
        const value = portable[from];
        if (value !== undefined) out[to] = value;
      }
      return out as V;
    },
    fromVendor(vendor) {
      const out: Partial<Record<keyof P, unknown>> = {};
      for (const [to, from] of pairs) {
        const value = vendor[from];
        if (value !== undefined && value !== "") out[to] = value;
      }
      return out as P;
    },
  };
}
