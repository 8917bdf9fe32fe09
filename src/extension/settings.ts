// Reads the extension's settings (declared in contributions.ts).

import * as vscode from 'vscode';
import { SECTION, SETTINGS, type Settings } from './contributions';

export function setting<K extends keyof Settings>(name: K, scope?: vscode.ConfigurationScope): Settings[K] {
  return vscode.workspace.getConfiguration(SECTION, scope).get<Settings[K]>(name) ?? SETTINGS[name].default;
}
