import type { ContactKind, OrganizationSubtype } from '$domain/contact-kinds';
import type { ImportDecision, ImportField, ImportOutcome } from '$domain/imports/import-fields';
import type { ImportNote, ResultGroup } from '$domain/imports/import-notes';
import type { DuplicateCandidate, DuplicateReason, HiddenMatches } from '$lib/duplicates/types';

export type { ImportDecision, ImportField, ImportOutcome };

export type ImportStatus = 'uploaded' | 'previewed' | 'committing' | 'committed' | 'failed' | 'undone';

export interface ImportDefaults {
	kind?: ContactKind;
	subtype?: OrganizationSubtype;
	governorates?: string[];
}

export interface OutcomeCounts {
	create: number;
	update: number;
	duplicate: number;
	invalid: number;
	blank: number;
}

export interface ImportUpload {
	id: string;
	fileName: string;
	format: 'csv' | 'xlsx';
	encoding: 'utf-8' | 'windows-1256' | null;
	delimiter: ',' | ';' | '\t' | null;
	status: 'uploaded';
	headers: string[];
	sampleRows: string[][];
	rowCount: number;
	blankRows: number;
	guessedMapping: ImportField[];
}

export interface ImportSummary {
	id: string;
	fileName: string;
	format: 'csv' | 'xlsx';
	status: ImportStatus;
	rowCount: number;
	createdAt: string;
	createdBy: { id: string; name: string } | null;
	committedAt: string | null;
}

export interface ImportResult {
	created: number;
	updated: number;
	skipped: number;
	failed: number;
	undone?: { deleted: number; restored: number };
	/** The result against the preview's plan (absent on imports run before it was recorded). */
	groups?: ResultGroup[];
}

export interface Import extends ImportSummary {
	encoding: ImportUpload['encoding'];
	delimiter: ImportUpload['delimiter'];
	headers: string[];
	blankRows: number;
	mapping: ImportField[] | null;
	defaults: ImportDefaults | null;
	counts: OutcomeCounts | null;
	progress: { processed: number; total: number };
	result: ImportResult | null;
	error: string | null;
	undoneAt: string | null;
}

export interface ImportRow {
	row: number;
	values: string[];
	name: string | null;
	outcome: ImportOutcome;
	/** suggestion: for unknown_governorate, the code of the governorate the value most likely meant. */
	errors: { field: ImportField; code: string; message: string; suggestion?: string }[];
	warnings: string[];
	matchedContactId: string | null;
	matchedContactName: string | null;
	matchReason: DuplicateReason[];
	candidates: DuplicateCandidate[];
	/** Restricted contacts sharing the row's phone or email that the row does not name; the row waits for a coordinator. */
	hiddenMatches: HiddenMatches | null;
	duplicateOfRow: number | null;
	decision: ImportDecision | null;
	action: 'created' | 'updated' | 'skipped' | 'failed' | null;
	contactId: string | null;
	/** English sentences; `notes` holds the same as codes, said in the user's language. */
	messages: string[];
	notes: { warnings: ImportNote[]; messages: ImportNote[] };
}

export interface ImportRowPage {
	items: ImportRow[];
	total: number;
	limit: number;
	offset: number;
	counts: OutcomeCounts;
}

export interface RowDecision {
	row: number;
	action: ImportDecision;
	contactId?: string;
}

export interface CommitInput {
	defaultDecision: { create: 'create' | 'skip'; update: ImportDecision; duplicate: ImportDecision };
	decisions: RowDecision[];
}

export type ImportStep = 'file' | 'mapping' | 'preview' | 'run' | 'report';
