/**
 * Cutting client input down before it is echoed in an error: a 200 KB id must not come back in the
 * message that refuses it (it bloats answers and logs, and reflects whatever the client sent).
 */

/** The most characters of one echoed input value. */
export const MAX_ECHOED_CHARS = 80;

/** `text` if it is short, else its first MAX_ECHOED_CHARS characters, an ellipsis and the full length. */
export function clipped(text: string, max: number = MAX_ECHOED_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

const CLIPPED_ALREADY = /… \(\d+ characters\)$/;

/** The longest message an error may carry once its quoted inputs are clipped. */
export const MAX_MESSAGE_CHARS = 500;

/**
 * A message with every long quoted value clipped (`"xxxx…" is not a URL` keeps its point), and the
 * whole cut at MAX_MESSAGE_CHARS in case a value was not quoted.
 */
export function clippedMessage(message: string): string {
  const quoted = message.replace(/"([^"]{81,})"/g, (whole, inner: string) =>
    CLIPPED_ALREADY.test(inner) ? whole : `"${clipped(inner)}"`,
  );
  return clipped(quoted, MAX_MESSAGE_CHARS);
}
