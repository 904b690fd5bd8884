/**
 * The fields the schedule reads, by record kind. A misspelling of one of these is an error, not a
 * warning: the field would be silently dropped and the computed days would change without notice.
 */
const SCHEDULE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  workstream: ["days", "depends_on", "soft_depends_on", "start", "wave", "waves", "status"],
  wave: ["wave", "day", "workstreams"],
};

/** Whether `field` (a canonical field name) of a record of `kind` changes the computed schedule. */
export function isScheduleField(kind: string, field: string): boolean {
  return SCHEDULE_FIELDS[kind]?.includes(field) ?? false;
}
