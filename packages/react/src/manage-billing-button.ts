import { type ButtonHTMLAttributes, createElement, Fragment } from "react";
import type { LaunchTarget } from "./types";
import { usePortalLaunch } from "./use-portal-launch";

export interface ManageBillingButtonProps
  extends Pick<LaunchTarget, "section" | "subscriptionId">,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "type"> {}

/**
 * An unstyled button that opens the whole portal, or `section`, when clicked. While the
 * launch runs it is `aria-busy`; a failure's message is shown after it in a
 * `role="alert"` element (`usePortalLaunch` gives the error itself, with its code).
 */
export function ManageBillingButton({
  section,
  subscriptionId,
  children = "Manage billing",
  ...props
}: ManageBillingButtonProps) {
  const { open, loading, error } = usePortalLaunch();
  return createElement(
    Fragment,
    null,
    createElement(
      "button",
      {
        ...props,
        type: "button",
        "aria-busy": loading,
        onClick: () => open({ section, subscriptionId }),
      },
      children,
    ),
    error && createElement("span", { role: "alert" }, error.message),
  );
}
