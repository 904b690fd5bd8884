import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";

/** The id of a message that asks for an answer (a request), or of one that gives it (a result or an error). */
function idOf(message: JSONRPCMessage, kind: "request" | "answer"): string | number | undefined {
  const fields = message as { id?: string | number; method?: string; result?: unknown; error?: unknown };
  if (fields.id === undefined || fields.id === null) return undefined;
  if (kind === "request") return fields.method !== undefined ? fields.id : undefined;
  return fields.result !== undefined || fields.error !== undefined ? fields.id : undefined;
}

/**
 * Counts the requests the transport received and has not answered yet, so that when the client closes stdin after its
 * last request the server answers it before it stops. Call after `connect`, which installs the transport's handlers.
 */
export function trackPendingRequests(transport: Transport): { idle(): Promise<void> } {
  const pending = new Set<string | number>();
  let waiting: (() => void)[] = [];
  const onmessage = transport.onmessage;
  transport.onmessage = (message, extra) => {
    const id = idOf(message, "request");
    if (id !== undefined) pending.add(id);
    onmessage?.(message, extra);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message, options) => {
    try {
      await send(message, options);
    } finally {
      const id = idOf(message, "answer");
      if (id !== undefined && pending.delete(id) && pending.size === 0) {
        for (const resolve of waiting) resolve();
        waiting = [];
      }
    }
  };
  return { idle: () => (pending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))) };
}
