import type {
  CommitInput,
  ImportDefaultsDto,
  ImportDto,
  ImportListDto,
  ImportRowDto,
  ImportRowListDto,
  ImportSummaryDto,
  ImportUploadDto,
  OutcomeCountsDto,
} from '$api';
import type { ImportDecision, ImportField, ImportOutcome } from '$domain/imports/import-fields';
import type { MappingField } from '$domain/imports/row-draft';

export type { CommitInput, ImportDecision, ImportField, ImportOutcome, MappingField };

/** Shapes of the imports API, from the server's schemas. */
export type Import = ImportDto;
export type ImportStatus = ImportDto['status'];
export type ImportDefaults = ImportDefaultsDto;
export type OutcomeCounts = OutcomeCountsDto;
export type ImportUpload = ImportUploadDto;
export type ImportSummary = ImportSummaryDto;
export type ImportList = ImportListDto;
export type ImportResult = NonNullable<ImportDto['result']>;
export type ImportRow = ImportRowDto;
export type ImportRowPage = ImportRowListDto;
export type RowDecision = NonNullable<CommitInput['decisions']>[number];

export type ImportStep = 'file' | 'mapping' | 'preview' | 'run' | 'report';
