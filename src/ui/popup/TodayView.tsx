/** The popup's "Today" view: the current day's digest so far. (Issue 5 builds it out.) */
export function TodayView() {
  return null;
}
