import type { Address, Money, SubscriptionStatus } from "@portalkit/core";

export function formatMoney(money: Money): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: money.currency }).format(money.amount / 100);
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return "–";
  return new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
}

export const STATUS_LABELS: Record<SubscriptionStatus, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Past due",
  paused: "Paused",
  cancel_scheduled: "Ends at the end of the term",
  canceled: "Canceled",
  incomplete: "Not started",
};

export function addressLines(address: Address | undefined): string[] {
  if (!address) return [];
  const name = [address.firstName, address.lastName].filter(Boolean).join(" ");
  const place = [address.postalCode, address.city, address.state].filter(Boolean).join(" ");
  return [
    name,
    address.company,
    address.line1,
    address.line2,
    place,
    address.country,
    address.email,
    address.phone,
  ].filter((line): line is string => typeof line === "string" && line !== "");
}
