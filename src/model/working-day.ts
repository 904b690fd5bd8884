/** Days of the week by `getUTCDay()`, for messages. */
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The day of the week of a `YYYY-MM-DD` date (`Saturday`), or undefined when it is no date. */
export function weekdayOf(iso: string): (typeof WEEKDAYS)[number] | undefined {
  const time = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : WEEKDAYS[new Date(time).getUTCDay()];
}

/** Whether a weekday is worked: Saturdays and Sundays are not, as the timeline counts. */
export function isWorkingWeekday(weekday: string): boolean {
  return weekday !== "Saturday" && weekday !== "Sunday";
}

/** The first working day on or after a `YYYY-MM-DD` date: day 1 of a plan that starts then. Undefined for no date. */
export function firstWorkingDay(iso: string): string | undefined {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
