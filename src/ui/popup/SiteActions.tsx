/**
 * The popup's actions for the current tab: "Save this page", "Use Stroom on this site" and the
 * adapter-health notice. (Issue 3 builds it out; until then it shows nothing.)
 */
export function SiteActions() {
  return null;
}
