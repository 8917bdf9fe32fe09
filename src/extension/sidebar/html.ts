// Webview pages: a strict Content-Security-Policy with a nonce, local resources only.

import * as vscode from 'vscode';
import { escapeHtml } from './provider-text';

export function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export { escapeHtml };

/** Resource roots a webview may load from: the stylesheets in media/ and the bundles (and codicons) in dist/. */
export function webviewRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')];
}

/** A page with no remote content: styles and fonts from the extension, scripts only with the nonce. */
export function page(webview: vscode.Webview, extensionUri: vscode.Uri, opts: { title: string; styles: string[]; script?: string; body: string }): string {
  const n = nonce();
  const uri = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(opts.title)}</title>
<link rel="stylesheet" href="${uri('dist', 'codicons', 'codicon.css')}">
${opts.styles.map((s) => `<link rel="stylesheet" href="${uri('media', s)}">`).join('\n')}
</head>
<body>
${opts.body}
${opts.script ? `<script nonce="${n}" src="${uri('dist', 'webview', opts.script)}"></script>` : ''}
</body>
</html>`;
}
