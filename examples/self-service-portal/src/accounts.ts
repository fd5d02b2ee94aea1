import type { Address, Customer } from "@portalkit/core";

/**
 * The app's own user record. Apps keep the billing vendor's customer and subscription ids
 * on their users: the portal contract has no "list subscriptions" call, and the app already
 * knows which plan its user bought.
 */
export interface Account {
  email: string;
  name: string;
  customerId: string;
  subscriptionId: string;
  /** The addresses the app last saw at the provider (the contract has no customer read). */
  billingAddress?: Address;
  shippingAddress?: Address;
}

export interface AccountStore {
  list(): readonly Account[];
  byEmail(email: string): Account | undefined;
  byCustomerId(customerId: string): Account | undefined;
  /** Keeps the addresses the provider answered after an update. */
  rememberCustomer(customerId: string, customer: Customer): void;
}

export function createAccountStore(accounts: readonly Account[]): AccountStore {
  const records = accounts.map((account) => ({ ...account }));
  return {
    list: () => records,
    byEmail: (email) => records.find((account) => account.email.toLowerCase() === email.trim().toLowerCase()),
    byCustomerId: (customerId) => records.find((account) => account.customerId === customerId),
    rememberCustomer(customerId, customer) {
      const account = records.find((record) => record.customerId === customerId);
      if (!account) return;
      if (customer.billingAddress) account.billingAddress = customer.billingAddress;
      if (customer.shippingAddress) account.shippingAddress = customer.shippingAddress;
    },
  };
}

/**
 * Accounts from `PORTAL_ACCOUNTS`, for a real vendor account: comma-separated
 * `email:customerId:subscriptionId` entries, e.g. `ada@example.com:cus_Q1:sub_Q1`.
 */
export function parseAccounts(text: string): Account[] {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const parts = entry.split(":").map((part) => part.trim());
      const [email, customerId, subscriptionId] = parts;
      if (parts.length !== 3 || !email?.includes("@") || !customerId || !subscriptionId) {
        throw new Error(
          "PORTAL_ACCOUNTS must be comma-separated email:customerId:subscriptionId entries, e.g. ada@example.com:cus_Q1:sub_Q1",
        );
      }
      return { email, name: email.split("@")[0] ?? email, customerId, subscriptionId };
    });
}
