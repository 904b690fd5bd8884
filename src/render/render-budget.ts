import { MAX_DOCUMENT_CHARS } from "./document-limits.js";

/**
 * How much work one document may cost: partials and blocks invoked, and the characters they return (counted at every
 * level, so nested output counts once per level). Far above the built-in templates on the largest plan the document
 * limit allows, and far below a template that multiplies itself: 30 partials that each call the next twice make 2³⁰
 * calls, which took 29 s and 2.2 GB before failing on the document's size.
 */
export const RENDER_BUDGET = { calls: 1_000_000, chars: 16 * MAX_DOCUMENT_CHARS } as const;

/** Thrown when one document's rendering spends more than its budget; the renderer reports it as a template error. */
export class RenderBudgetError extends Error {}

type Program = ((context: unknown, options?: unknown) => string) & Record<string, unknown>;

/** A meter of one rendering's work: wrapped partials and block helpers spend from it, `start` refills it. */
export class RenderBudget {
  private calls = 0;
  private chars = 0;

  /** Refills the budget for the next document. */
  start(): void {
    this.calls = 0;
    this.chars = 0;
  }

  /** Counts one call that returned `text`; throws once the document has cost more than its budget. */
  spend(text: unknown): void {
    this.calls++;
    if (typeof text === "string") this.chars += text.length;
    if (this.calls > RENDER_BUDGET.calls || this.chars > RENDER_BUDGET.chars) {
      throw new RenderBudgetError(
        `the document grows without bound: more than ${RENDER_BUDGET.calls.toLocaleString("en-US")} partials and blocks, or ${RENDER_BUDGET.chars.toLocaleString("en-US")} characters of their output (a partial or block that repeats itself?)`,
      );
    }
  }

  /** A partial or block program that spends from this budget, keeping the properties Handlebars reads from it. */
  metered<F>(program: F): F {
    if (typeof program !== "function") return program;
    const inner = program as unknown as Program;
    const wrapped = ((context: unknown, options?: unknown) => {
      const out = inner(context, options);
      this.spend(out);
      return out;
    }) as Program;
    return Object.assign(wrapped, inner) as unknown as F;
  }

  /** A helper whose block programs (`options.fn`, `options.inverse`) spend from this budget. */
  meteredHelper(helper: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
    const meter = <F>(program: F): F => this.metered(program);
    // A function, not an arrow: the helper is called with the template's context as `this`.
    return function (this: unknown, ...args: unknown[]) {
      const options = args.at(-1) as { fn?: unknown; inverse?: unknown } | undefined;
      if (options && typeof options === "object" && typeof options.fn === "function") {
        args[args.length - 1] = { ...options, fn: meter(options.fn), inverse: meter(options.inverse) };
      }
      return helper.apply(this, args);
    };
  }
}
