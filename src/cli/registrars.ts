import type { Command } from "commander";
import type { RegisterTools } from "./program.js";
import { registerDecisions } from "./register-decisions.js";
import { registerWriteback } from "./register-writeback.js";

/** A group of commands that registers itself on the program (one file per feature keeps program.ts small). */
export type Registrar = (program: Command, tools: RegisterTools) => void;

/** Every command group beyond the core commands of program.ts, in help order. */
export const REGISTRARS: readonly Registrar[] = [registerWriteback, registerDecisions];
