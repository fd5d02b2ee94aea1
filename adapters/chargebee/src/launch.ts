import { lazyShape, vendorLaunchSchema } from "@portalkit/core/adapter";
import * as z from "zod";

/** The portal session object Chargebee.js's `setPortalSession` resolves to. */
export const ChargebeePortalSessionSchema = z.object(
  lazyShape({
    id: () => z.string(),
    token: () => z.string(),
    access_url: () => z.string(),
    status: () => z.string(),
    customer_id: () => z.string(),
    created_at: () => z.number().int().optional(),
    expires_at: () => z.number().int().optional(),
    object: () => z.literal("portal_session"),
  }),
);
export type ChargebeePortalSession = z.infer<typeof ChargebeePortalSessionSchema>;

/** A launch @portalkit/browser runs with Chargebee.js: the site, the session, the section. */
export const ChargebeeJsLaunchSchema = vendorLaunchSchema(
  "chargebee-js",
  lazyShape({
    site: () => z.string().min(1),
    /** Custom domain for Chargebee.js (`Chargebee.init({ site, domain })`), when the site uses one. */
    domain: () => z.string().optional(),
    session: () => ChargebeePortalSessionSchema,
    /** Chargebee.js section: a `Chargebee.getPortalSections()` value and its params. */
    chargebeeSection: () =>
      z
        .object({
          sectionType: z.string(),
          params: z
            .object({
              subscriptionId: z.string().optional(),
              paymentSourceId: z.string().optional(),
            })
            .optional(),
        })
        .optional(),
  }),
);
export type ChargebeeJsLaunch = z.infer<typeof ChargebeeJsLaunchSchema>;
