// Workspace text (file names, hosts, .env values, waiver reasons, parse errors) must not
// drive the terminal: an ESC sequence can retitle the window, clear the screen or hide
// text, and a bidi override can make a line read differently from what it holds. Such
// characters are shown as visible escapes (visibleControls in src/core/text.ts) instead of
// being removed, so nothing is hidden. JSON escapes most of them itself; the rest are here.

/** DEL, C1 and bidi controls: what JSON.stringify leaves raw (it escapes C0 itself). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Serialised JSON with DEL, C1 and bidi controls written as `\u` escapes. They can only sit
 * inside strings (JSON's own syntax is plain ASCII), so the parsed values are unchanged; the
 * text is just safe to print or open in an editor.
 */
export function escapeJsonText(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
