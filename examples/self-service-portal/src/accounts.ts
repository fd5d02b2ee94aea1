/**
 * The app's own user record: who may sign in, and which customer at the billing vendor they
 * are. Nothing billing-related is kept here: subscriptions, addresses and the card on file
 * are read from the vendor on every page (`getCustomer`, `listSubscriptions`).
 */
export interface Account {
  email: string;
  name: string;
  customerId: string;
}

export interface AccountStore {
  list(): readonly Account[];
  byEmail(email: string): Account | undefined;
  byCustomerId(customerId: string): Account | undefined;
}

export function createAccountStore(accounts: readonly Account[]): AccountStore {
  const records = accounts.map((account) => Object.freeze({ ...account }));
  return {
    list: () => records,
    byEmail: (email) => records.find((account) => account.email.toLowerCase() === email.trim().toLowerCase()),
    byCustomerId: (customerId) => records.find((account) => account.customerId === customerId),
  };
}

/**
 * Accounts from `PORTAL_ACCOUNTS`, for a real vendor account: comma-separated
 * `email:customerId` entries, e.g. `ada@example.com:cus_Q1`.
 */
export function parseAccounts(text: string): Account[] {
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => {
      const parts = entry.split(":").map((part) => part.trim());
      const [email, customerId] = parts;
      if (parts.length !== 2 || !email?.includes("@") || !customerId) {
        throw new Error(
          "PORTAL_ACCOUNTS must be comma-separated email:customerId entries, e.g. ada@example.com:cus_Q1",
        );
      }
      return { email, name: email.split("@")[0] ?? email, customerId };
    });
}
