/** What `paraplan list` lists: kept apart from the command so the CLI's parser knows them without loading it. */
export const LIST_KINDS = ["workstreams", "decisions", "risks", "sessions", "agents", "waves", "gates"] as const;
export type ListKind = (typeof LIST_KINDS)[number];
