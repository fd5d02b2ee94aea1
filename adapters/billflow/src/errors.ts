// Every vendor call of a Billflow provider goes to Stripe, so Stripe's error table maps them.
export { toPortalError } from "@portalkit/stripe";
