/**
 * Turns a vendor's parameter name into a dotted path: Chargebee's
 * `billing_address[first_name]` and Stripe's `shipping[address][line1]` become
 * `billing_address.first_name` and `shipping.address.line1`; `items[0][price]` becomes
 * `items.0.price`. A name that is already plain comes back unchanged.
 */
export function vendorParamToField(param: string): string {
  return param
    .replace(/\[\]/g, "")
    .replace(/\[([^\]]*)\]/g, ".$1")
    .replace(/^\.+|\.+$/g, "")
    .replace(/\.{2,}/g, ".");
}
