import * as z from "zod";

const PositiveInt = z.number().int().positive().max(1_000_000);

/**
 * Billflow's `options.quantity`: one quantity for every product of the page, or one per unit
 * label (`{ super_user: 3, user: 5 }`), each a positive integer.
 */
export const BillflowQuantitySchema = z.union([
  PositiveInt,
  z
    .record(
      z
        .string()
        .min(1)
        .max(64)
        .regex(/^[A-Za-z0-9_-]+$/, "must be a unit label: letters, digits, _ or -"),
      PositiveInt,
    )
    .refine((labels) => Object.keys(labels).length > 0, "must name at least one unit label"),
]);
export type BillflowQuantity = z.infer<typeof BillflowQuantitySchema>;

/** Billflow's `service`: which of the page's services the embed shows. */
export const BillflowServiceSchema = z.string().trim().min(1).max(100);

/**
 * What `openPortal` / `openSection` take in `vendorOptions.billflow`; each one given there
 * replaces the provider's own (`quantity` as a whole, not merged label by label).
 */
export const BillflowLaunchOptionsSchema = z.strictObject({
  service: BillflowServiceSchema.optional(),
  quantity: BillflowQuantitySchema.optional(),
});
export type BillflowLaunchOptions = z.infer<typeof BillflowLaunchOptionsSchema>;
