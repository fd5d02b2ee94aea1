import type { AccountStore } from "./accounts";
import type { SessionCookies } from "./session-cookie";

export type Authenticate = (request: Request) => string | null;

/**
 * ==> PLUG IN YOUR APP'S AUTHENTICATION HERE. <==
 *
 * Answers the signed-in customer's billing customer id for a request, or null. Everything
 * else (the app's pages and @portalkit/server's /api/portal routes) asks this function and
 * nothing else; the customer id is never read from a form, a query or a request body.
 *
 * This demo reads its own signed session cookie (see session-cookie.ts), set by a sign-in
 * page without passwords. A real app reads its own session instead (Auth.js, Lucia, Clerk,
 * a framework session...) and maps its user to the customer id it stored at checkout.
 */
export function createAuthenticate(sessions: SessionCookies, accounts: AccountStore): Authenticate {
  return (request) => {
    const customerId = sessions.read(request);
    if (!customerId) return null;
    // A session for an account that no longer exists signs nobody in.
    return accounts.byCustomerId(customerId) ? customerId : null;
  };
}
