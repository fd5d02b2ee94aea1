import { cookies } from "next/headers";
import { customerOf, SESSION_COOKIE } from "../lib/session";
import { Billing } from "./billing";

export const dynamic = "force-dynamic";

export default async function Home() {
  const jar = await cookies();
  const session = jar.get(SESSION_COOKIE)?.value;
  if (customerOf(session ? `${SESSION_COOKIE}=${session}` : null) === null) {
    return (
      <main>
        <h1>Billing</h1>
        <section>
          <p>A demo app on the Chargebee simulator: sign in as its demo customer.</p>
          <form method="post" action="/api/session">
            <button type="submit" id="sign-in">
              Sign in as ada@example.com
            </button>
          </form>
        </section>
      </main>
    );
  }
  return <Billing />;
}
