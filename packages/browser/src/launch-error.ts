export type PortalLaunchErrorCode = "unknown_kind" | "script_failed" | "popup_blocked";

/** Why `launch()` could not open the portal. */
export class PortalLaunchError extends Error {
  override readonly name = "PortalLaunchError";
  readonly code: PortalLaunchErrorCode;

  constructor(code: PortalLaunchErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
