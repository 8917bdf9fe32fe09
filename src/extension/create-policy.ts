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

const ZONE_LABELS: Record<ResidencyZone, { label: string; detail: string }> = {
  eu: { label: 'EU', detail: 'The 27 EU member states only.' },
  eea: { label: 'EEA', detail: 'The EU plus Iceland, Liechtenstein and Norway.' },
  'eu-adequacy': { label: 'EU adequacy', detail: 'The EEA plus countries with an EU adequacy decision (e.g. Switzerland, the UK).' },
};

const yesNo = async (title: string, yes: string, no: string): Promise<boolean | undefined> => {
  const pick = await vscode.window.showQuickPick([{ label: 'Yes', detail: yes, value: true }, { label: 'No', detail: no, value: false }], { title, ignoreFocusOut: true });
  return pick?.value;
};

/** Asks one question of the flow; undefined when it was cancelled. */
export async function ask(question: Question): Promise<Draft[Question] | undefined> {
  switch (question) {
    case 'phi': {
      const hipaa = await yesNo('Does this workload send protected health information (PHI) to an LLM?', 'HIPAA applies: every endpoint needs a BAA your organisation has signed (LLMC001).', 'No HIPAA requirement.');
      if (hipaa === undefined) return undefined;
      const baa = hipaa ? await next(askBaa) : [];
      return baa && { hipaa, baa };
    }
    case 'eu': {
      const eu = await yesNo('Does it send personal data of people in the EU that must stay in Europe?', 'EU data residency: prompts and outputs are processed in the zone you choose next (LLMC002).', 'No residency requirement.');
      if (eu === undefined) return undefined;
      if (!eu) return { residency: null };
      const zone = await next(() => vscode.window.showQuickPick(RESIDENCY_ZONES.map((z) => ({ ...ZONE_LABELS[z], description: z, zone: z })), { title: 'Where may the data be processed?', ignoreFocusOut: true }));
      return zone && { residency: zone.zone };
    }
    case 'certifications': {
      const picked = await vscode.window.showQuickPick(
        CERTIFICATIONS.map((r) => ({ label: REQUIREMENT_LABELS[r].label, detail: REQUIREMENT_LABELS[r].detail, id: r })),
        { title: 'Which certifications must every LLM provider hold? (none: press Enter)', canPickMany: true, ignoreFocusOut: true },
      );
      return picked?.map((p) => p.id);
    }
    case 'gateway': {
      const typed = await vscode.window.showInputBox({
        title: 'Must every LLM call go through your team\'s gateway?',
        prompt: 'Its host names, separated by commas (e.g. llm-gateway.internal.example.com). Leave empty for no gateway.',
        ignoreFocusOut: true,
        validateInput: (v) => (hostsOf(v).every((h) => /^[a-z0-9.-]+(:\d+)?$/i.test(h)) ? undefined : 'Host names only (letters, digits, dots, hyphens, an optional :port), separated by commas.'),
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
    const detail = unconfirmed ? 'BAA named, but not confirmed for the LLM service by the catalog' : `BAA ${p.posture.baa.value}`;
    return { label: p.name, description: p.id, detail: `${detail}${p.posture.baa.tier ? ` · ${p.posture.baa.tier}` : ''}`, id };
  };
  const picked = await vscode.window.showQuickPick(
    [...providersOfferingBaa().map((id) => item(id, false)), ...providersWithUnconfirmedBaa().map((id) => item(id, true))],
    { title: 'Which providers\' BAAs has your organisation signed?', canPickMany: true, ignoreFocusOut: true },
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
    : folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder is the policy for?' }) : folders[0];
  if (!folder) {
    if (!folders.length) void vscode.window.showWarningMessage('LLM Compliance: open a folder first; the policy file lives at its root.');
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
    void vscode.window.showErrorMessage(`LLM Compliance: could not create ${POLICY_FILE_NAMES[0]!} in ${folder.name}.`);
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
      void vscode.window.showInformationMessage(`LLM Compliance: ${folder.name} already has ${name}; it is open for editing.`);
      return existing;
    }
  }
  return undefined;
}
