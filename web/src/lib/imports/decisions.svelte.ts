import type { CommitInput, ImportDecision, ImportOutcome, ImportRow, OutcomeCounts } from './types';

type DecidedOutcome = Exclude<ImportOutcome, 'invalid'>;

/** What the user picked for one row, different from the default of its outcome. */
interface Override {
  outcome: DecidedOutcome;
  action: ImportDecision;
  contactId?: string;
}

/** A row's choice as one string for a <select>: "merge:<id>" merges into that candidate. */
export type ChoiceValue = string;

export function choiceValue(action: ImportDecision, contactId?: string): ChoiceValue {
  return contactId ? `${action}:${contactId}` : action;
}

function parseChoice(value: ChoiceValue): { action: ImportDecision; contactId?: string } {
  const [action, contactId] = value.split(':') as [ImportDecision, string | undefined];
  return contactId ? { action, contactId } : { action };
}

/**
 * The import decisions: one default per outcome ("for all rows of this kind") and the rows picked by hand.
 * The server applies the defaults itself, so only the hand-picked rows travel in the commit.
 */
export class ImportDecisions {
  defaults = $state<Record<DecidedOutcome, ImportDecision>>({ create: 'create', update: 'merge', duplicate: 'skip' });
  overrides = $state<Record<number, Override>>({});

  choiceFor(row: ImportRow): ChoiceValue {
    if (row.outcome === 'invalid') return 'skip';
    const picked = this.overrides[row.row];
    if (picked) return choiceValue(picked.action, picked.contactId);
    return this.defaults[row.outcome];
  }

  choose(row: ImportRow, value: ChoiceValue): void {
    if (row.outcome === 'invalid') return;
    const choice = parseChoice(value);
    const next = { ...this.overrides };
    if (choice.action === this.defaults[row.outcome] && !choice.contactId) delete next[row.row];
    else next[row.row] = { outcome: row.outcome, ...choice };
    this.overrides = next;
  }

  /** "For all rows of this kind": the rows picked by hand for that outcome follow the new default too. */
  setDefault(outcome: DecidedOutcome, action: ImportDecision): void {
    this.defaults = { ...this.defaults, [outcome]: action };
    this.overrides = Object.fromEntries(Object.entries(this.overrides).filter(([, o]) => o.outcome !== outcome));
  }

  /** How many rows each action will get, for the confirmation. */
  plan(counts: OutcomeCounts): { create: number; merge: number; skip: number } {
    const plan = { create: 0, merge: 0, skip: counts.invalid };
    for (const outcome of ['create', 'update', 'duplicate'] as const) plan[this.defaults[outcome]] += counts[outcome];
    for (const override of Object.values(this.overrides)) {
      plan[this.defaults[override.outcome]] -= 1;
      plan[override.action] += 1;
    }
    return plan;
  }

  toCommitInput(): CommitInput {
    const create = this.defaults.create === 'merge' ? 'create' : this.defaults.create;
    return {
      defaultDecision: { create, update: this.defaults.update, duplicate: this.defaults.duplicate },
      decisions: Object.entries(this.overrides).map(([row, o]) => ({
        row: Number(row),
        action: o.action,
        ...(o.contactId ? { contactId: o.contactId } : {}),
      })),
    };
  }
}
