export { launch } from "./launch";
export { PortalLaunchError, type PortalLaunchErrorCode } from "./launch-error";
export { registerDriver } from "./registry";
export type { Driver, DriverContext, LaunchOptions, LogoutContext, LogoutDriver, PortalHandle } from "./types";
