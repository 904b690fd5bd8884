/** Today's date on this machine's clock and time zone, `YYYY-MM-DD`: the one place the CLI reads the clock for dates. */
export function systemToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
