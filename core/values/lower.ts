// Lower-casing that keeps the string it was given when nothing changes: most IDs, types and values.

/** `text.toLowerCase()`, without making a new string when the text has no capital letters. */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return text.toLowerCase();
  }
  return text;
}
