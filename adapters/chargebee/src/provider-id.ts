export const CHARGEBEE_PROVIDER_ID = "chargebee";
