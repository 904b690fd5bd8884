import type { Registrar } from "./register-tools.js";
import { registerChanges } from "./register-changes.js";
import { registerDecisions } from "./register-decisions.js";
import { registerWriteback } from "./register-writeback.js";
import { registerGit } from "./register-git.js";
import { registerAudit } from "./register-audit.js";
import { registerMcp } from "./register-mcp.js";

/** Every command group beyond the core commands of program.ts, in help order: the table `program.ts` registers. */
export const COMMAND_TABLE: readonly Registrar[] = [registerWriteback, registerDecisions, registerGit, registerAudit, registerMcp, registerChanges];
