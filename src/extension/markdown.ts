// Text from the workspace (or the catalog) inside Markdown the extension writes: shown as
// written, never as formatting, links, HTML or icons.

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|$]/g, '\\$&');
}
