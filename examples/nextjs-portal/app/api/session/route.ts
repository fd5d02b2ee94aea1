import { cookies } from "next/headers";
import { NextResponse } from "next/server";
import { SESSION_COOKIE, signIn, signOut } from "../../../lib/session";

export const dynamic = "force-dynamic";

// POST /api/session signs the demo customer in; POST /api/session?signOut=1 signs out.
export async function POST(request: Request): Promise<Response> {
  const jar = await cookies();
  // A relative Location: the request's URL may name another host than the browser used.
  const response = new NextResponse(null, { status: 303, headers: { location: "/" } });
  if (new URL(request.url).searchParams.has("signOut")) {
    signOut(jar.get(SESSION_COOKIE)?.value);
    response.cookies.delete(SESSION_COOKIE);
  } else {
    response.cookies.set(SESSION_COOKIE, signIn(), { httpOnly: true, sameSite: "lax", path: "/" });
  }
  return response;
}
