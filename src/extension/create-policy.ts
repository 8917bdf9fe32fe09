// Creating a policy from the decision flow the walkthrough follows: does the workload touch
// PHI (HIPAA; which BAAs are signed)? EU personal data (EU residency; which zone)? which
// certifications does procurement ask for? must calls go through a gateway? Each question
// can be answered on its own (a walkthrough step), and Create Policy asks whatever is still
// open, then writes the file with the core's template (the same file `llm-compliance init` writes).

import * as vscode from 'vscode';
import { catalog, POLICY_FILE_NAMES, type PolicyChoices, policyTemplate, type ProviderId, providersOfferingBaa, providersWithUnconfirmedBaa, type Requirement, REQUIREMENT_LABELS, RESIDENCY_ZONES, type ResidencyZone } from '../core';

export interface CreatePolicyArgs {
  folder?: string;
  /** Given: no questions about requirements (only about BAAs, when hipaa is required and `baa` is not given). */
  require?: Requirement[];
  baa?: ProviderId[];
  gateway?: string[];
  residency?: ResidencyZone;
}

/** The answers given so far (walkthrough steps), until a policy is written. */
export interface Draft {
  phi?: { hipaa: boolean; baa: ProviderId[] };
  eu?: { residency: ResidencyZone | null };
  certifications?: Requirement[];
  gateway?: string[];
}

export type Question = keyof Draft;
export const QUESTIONS: Question[] = ['phi', 'eu', 'certifications', 'gateway'];

const CERTIFICATIONS: Requirement[] = ['soc2-type2', 'iso27001', 'iso42001', 'eu-ai-act-gpai'];

const zoneLabels = (): Record<ResidencyZone, { label: string; detail: string }> => ({
  eu: { label: vscode.l10n.t('EU'), detail: vscode.l10n.t('The 27 EU member states only.') },
  eea: { label: vscode.l10n.t('EEA'), detail: vscode.l10n.t('The EU plus Iceland, Liechtenstein and Norway.') },
  'eu-adequacy': { label: vscode.l10n.t('EU adequacy'), detail: vscode.l10n.t('The EEA plus countries with an EU adequacy decision (e.g. Switzerland, the UK).') },
});

const yesNo = async (title: string, yes: string, no: string): Promise<boolean | undefined> => {
  const pick = await vscode.window.showQuickPick([{ label: vscode.l10n.t('Yes'), detail: yes, value: true }, { label: vscode.l10n.t('No'), detail: no, value: false }], { title, ignoreFocusOut: true });
  return pick?.value;
};

/** Asks one question of the flow; undefined when it was cancelled. */
export async function ask(question: Question): Promise<Draft[Question] | undefined> {
  switch (question) {
    case 'phi': {
      const hipaa = await yesNo(vscode.l10n.t('Does this workload send protected health information (PHI) to an LLM?'), vscode.l10n.t('HIPAA applies: every endpoint needs a BAA your organisation has signed (LLMC001).'), vscode.l10n.t('No HIPAA requirement.'));
      if (hipaa === undefined) return undefined;
      const baa = hipaa ? await next(askBaa) : [];
      return baa && { hipaa, baa };
    }
    case 'eu': {
      const eu = await yesNo(vscode.l10n.t('Does it send personal data of people in the EU that must stay in Europe?'), vscode.l10n.t('EU data residency: prompts and outputs are processed in the zone you choose next (LLMC002).'), vscode.l10n.t('No residency requirement.'));
      if (eu === undefined) return undefined;
      if (!eu) return { residency: null };
      const zone = await next(() => vscode.window.showQuickPick(RESIDENCY_ZONES.map((z) => ({ ...zoneLabels()[z], description: z, zone: z })), { title: vscode.l10n.t('Where may the data be processed?'), ignoreFocusOut: true }));
      return zone && { residency: zone.zone };
    }
    case 'certifications': {
      const picked = await vscode.window.showQuickPick(
        CERTIFICATIONS.map((r) => ({ label: REQUIREMENT_LABELS[r].label, detail: REQUIREMENT_LABELS[r].detail, id: r })),
        { title: vscode.l10n.t('Which certifications must every LLM provider hold? (none: press Enter)'), canPickMany: true, ignoreFocusOut: true },
      );
      return picked?.map((p) => p.id);
    }
    case 'gateway': {
      const typed = await vscode.window.showInputBox({
        title: vscode.l10n.t('Must every LLM call go through your team\'s gateway?'),
        prompt: vscode.l10n.t('Its host names, separated by commas (e.g. llm-gateway.internal.example.com). Leave empty for no gateway.'),
        ignoreFocusOut: true,
        validateInput: (v) => (hostsOf(v).every((h) => /^[a-z0-9.-]+(:\d+)?$/i.test(h)) ? undefined : vscode.l10n.t('Host names only (letters, digits, dots, hyphens, an optional :port), separated by commas.')),
      });
      return typed === undefined ? undefined : hostsOf(typed);
    }
  }
}

/** A follow-up question, opened once the previous one has given the focus back (else it can open without it). */
const next = async <T>(question: () => Thenable<T>): Promise<T> => {
  await new Promise((r) => setTimeout(r, 250));
  return question();
};

const hostsOf = (text: string): string[] => text.split(',').map((h) => h.trim()).filter(Boolean);

async function askBaa(): Promise<ProviderId[] | undefined> {
  // The same lists as `llm-compliance init`: BAAs the catalog confirms, then those it names without confirming.
  const item = (id: ProviderId, unconfirmed: boolean) => {
    const p = catalog.providers.find((x) => x.id === id)!;
    const detail = unconfirmed ? vscode.l10n.t('BAA named, but not confirmed for the LLM service by the catalog') : vscode.l10n.t('BAA {0}', String(p.posture.baa.value));
    return { label: p.name, description: p.id, detail: `${detail}${p.posture.baa.tier ? ` · ${p.posture.baa.tier}` : ''}`, id };
  };
  const picked = await vscode.window.showQuickPick(
    [...providersOfferingBaa().map((id) => item(id, false)), ...providersWithUnconfirmedBaa().map((id) => item(id, true))],
    { title: vscode.l10n.t('Which providers\' BAAs has your organisation signed?'), canPickMany: true, ignoreFocusOut: true },
  );
  return picked?.map((p) => p.id);
}

/** The policy's choices: from the arguments when they give the requirements, else from the draft, asking what it lacks. */
async function choicesOf(args: CreatePolicyArgs, draft: Draft): Promise<PolicyChoices | undefined> {
  if (args.require) {
    let baa = args.baa ?? [];
    if (!args.baa && args.require.includes('hipaa')) {
      const picked = await askBaa();
      if (!picked) return undefined;
      baa = picked;
    }
    return { require: args.require, baa, ...(args.gateway?.length ? { gateway: args.gateway } : {}), ...(args.residency ? { residency: args.residency } : {}) };
  }
  for (const q of QUESTIONS) {
    if (draft[q] !== undefined) continue;
    const answer = await ask(q);
    if (answer === undefined) return undefined;
    (draft as Record<Question, unknown>)[q] = answer;
  }
  const require: Requirement[] = [];
  if (draft.phi!.hipaa) require.push('hipaa');
  if (draft.eu!.residency) require.push('eu-residency');
  require.push(...draft.certifications!);
  return { require, baa: draft.phi!.baa, ...(draft.gateway!.length ? { gateway: draft.gateway } : {}), ...(draft.eu!.residency ? { residency: draft.eu!.residency } : {}) };
}

/** Writes `.llm-compliance.yaml` at a folder's root (or opens the policy it already has). */
export async function createPolicy(args: CreatePolicyArgs, draft: Draft): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = args.folder ? folders.find((f) => f.uri.toString() === args.folder)
    : folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder is the policy for?') }) : folders[0];
  if (!folder) {
    if (!folders.length) void vscode.window.showWarningMessage(vscode.l10n.t('LLM Compliance: open a folder first; the policy file lives at its root.'));
    return undefined;
  }
  const open = await existingPolicy(folder);
  if (open) return open;
  const choices = await choicesOf(args, draft);
  if (!choices) return undefined;
  // The questions may take minutes: a policy written meanwhile (init, git, another window) is never replaced.
  const meanwhile = await existingPolicy(folder);
  if (meanwhile) return meanwhile;
  const uri = vscode.Uri.joinPath(folder.uri, POLICY_FILE_NAMES[0]!);
  const text = policyTemplate(choices);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('LLM Compliance: could not create {0} in {1}.', POLICY_FILE_NAMES[0]!, folder.name));
    return undefined;
  }
  for (const q of QUESTIONS) delete draft[q];
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A policy already in the folder, opened for editing; undefined when there is none. */
async function existingPolicy(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  for (const name of POLICY_FILE_NAMES) {
    const existing = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(existing)) {
      await vscode.window.showTextDocument(existing);
      void vscode.window.showInformationMessage(vscode.l10n.t('LLM Compliance: {0} already has {1}; it is open for editing.', folder.name, name));
      return existing;
    }
  }
  return undefined;
}
