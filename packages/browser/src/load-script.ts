import { PortalLaunchError } from "./launch-error";

/** Appends a script element; settles when it has run, rejects when it fails to load. */
export function loadScript(src: string): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = document.head.appendChild(document.createElement("script"));
    script.onload = () => resolve(script);
    script.onerror = () => {
      script.remove();
      reject(new PortalLaunchError("script_failed", `Could not load ${src}`));
    };
    script.src = src;
  });
}
