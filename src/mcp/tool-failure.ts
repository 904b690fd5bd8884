/** A tool call that cannot be answered: its text (a reason, or the plan's diagnostics) goes back as an MCP tool error, never as a crash. */
export class ToolFailure extends Error {}
