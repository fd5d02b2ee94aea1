import type { ParamSpec } from "@portalkit/core/testing";

/** `expand[]`, which every Stripe endpoint takes. */
export const EXPAND = { expand: true } as const satisfies ParamSpec;

export const ADDRESS = {
  line1: true,
  line2: true,
  city: true,
  state: true,
  postal_code: true,
  country: true,
} as const satisfies ParamSpec;
