// C0 controls, DEL, C1 controls and the Unicode line and paragraph separators.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from the input (file names, object names, messages quoting values) made safe to print:
 * every control character is written as an escape such as \n or \x1b, so a crafted name cannot
 * recolour the terminal, move the cursor or start a line of its own (a forged `::error` line in a
 * CI log). Text output and the one-line problem messages on standard error both use it.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (character) => {
    const code = character.charCodeAt(0);
    return NAMED_ESCAPES[character] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}
