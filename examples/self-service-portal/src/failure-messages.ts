// What the customer reads for each PortalError code; shared by the server's pages and the
// page script (which shows the failures of portal launches).
export const FAILURE_MESSAGES: Record<string, string> = {
  invalid_input: "Some of the details are not valid. Check the highlighted fields.",
  invalid_request: "The billing provider refused the request. Check the details and try again.",
  not_found: "We could not find that in your billing account.",
  unauthenticated: "Your session has ended, or the billing provider did not accept the app's credentials.",
  forbidden: "The billing provider did not allow this action.",
  conflict: "That change is not possible in the subscription's current state.",
  payment_failed: "The payment did not go through. Update your payment method and try again.",
  rate_limited: "The billing provider is busy right now. Try again in a minute.",
  unavailable: "The billing provider is not available right now. Try again in a few minutes.",
  timeout: "The billing provider took too long to answer. Try again in a few minutes.",
  unsupported: "This billing provider does not offer that here.",
};

export const GENERIC_FAILURE = "Something went wrong on our side. Try again later.";
