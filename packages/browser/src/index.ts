export { launch } from "./launch";
export { PortalLaunchError, type PortalLaunchErrorCode } from "./launch-error";
export type { LaunchOptions, PortalHandle } from "./types";
