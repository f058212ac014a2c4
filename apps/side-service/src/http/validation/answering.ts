/** Builds the error a failed constraint answers, from the refused value. */
export type Answer = (value: unknown) => Error;

/**
 * Validation options of a constraint whose failure answers its own error (built from the refused value) instead of
 * the server's generic messages, e.g. webadmin's `'task' query parameter is compulsory. Supported values are […]`.
 */
export const answering = (answer: Answer) => ({ context: { answer } }) as const;
