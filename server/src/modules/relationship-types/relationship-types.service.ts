import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { canManageRelationshipTypes } from '../../domain/roles.js';
import { stripBidiControls } from '../../domain/text/clean-text.js';
import { conflict, forbidden, invalid } from '../../errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import * as repo from './relationship-types.repository.js';
import type { CreateRelationshipTypeInput, RelationshipTypeDto } from './relationship-types.schemas.js';

export function toRelationshipTypeDto(row: repo.RelationshipTypeRow): RelationshipTypeDto {
  return {
    id: row.id,
    key: row.key,
    symmetric: row.symmetric,
    labels: {
      forward: { ar: row.label_forward_ar, en: row.label_forward_en },
      reverse: { ar: row.label_reverse_ar, en: row.label_reverse_en },
    },
  };
}

export async function listRelationshipTypes(db: Db) {
  return { items: (await repo.listRelationshipTypes(db)).map(toRelationshipTypeDto) };
}

export async function createRelationshipType(db: Db, actor: Actor, input: CreateRelationshipTypeInput): Promise<RelationshipTypeDto> {
  if (!canManageRelationshipTypes(actor.role)) throw forbidden('Only an administrator can add relationship types');
  const symmetric = input.symmetric ?? false;
  const forward = input.labels.forward;
  if (!symmetric && !input.labels.reverse) {
    throw invalid([{ field: 'labels.reverse', code: 'required', message: 'a directed type needs a reverse label' }]);
  }
  // A symmetric type reads the same both ways: its reverse label is its forward label.
  const reverse = symmetric ? forward : input.labels.reverse!;
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertRelationshipType(trx, {
      key: input.key,
      symmetric,
      label_forward_ar: stripBidiControls(forward.ar).trim(),
      label_forward_en: stripBidiControls(forward.en).trim(),
      label_reverse_ar: stripBidiControls(reverse.ar).trim(),
      label_reverse_en: stripBidiControls(reverse.en).trim(),
    });
    if (!id) throw conflict('RELATIONSHIP_TYPE_EXISTS', `A relationship type with the key "${input.key}" already exists`);
    await recordAudit(trx, {
      userId: actor.id,
      action: 'create',
      entityType: 'relationship_type',
      entityId: id,
      details: { key: input.key },
    });
    return toRelationshipTypeDto((await repo.findRelationshipType(trx, id))!);
  });
}
