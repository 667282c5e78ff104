import { api, type Fetch } from '$lib/api';
import type { CreateCustomFieldInput, CustomFieldDto, UpdateCustomFieldInput } from '$api';
import type { CustomFieldDef } from '$domain/custom-fields';

export type CustomField = CustomFieldDto;

/** The fields in use, in their order; administrators may ask for the archived ones too. */
export async function listCustomFields(fetch?: Fetch, archived = false): Promise<CustomField[]> {
  const { items } = await api('GET /custom-fields', { query: archived ? { archived: true } : {}, fetch });
  return items;
}

export function createCustomField(input: CreateCustomFieldInput): Promise<CustomField> {
  return api('POST /custom-fields', { body: input });
}

export function updateCustomField(id: string, input: UpdateCustomFieldInput): Promise<CustomField> {
  return api('PATCH /custom-fields/:id', { params: { id }, body: input });
}

export function archiveCustomField(id: string, version: number): Promise<void> {
  return api('DELETE /custom-fields/:id', { params: { id }, query: { version } });
}

export function purgeCustomField(id: string, version: number): Promise<{ contactsCleared: number }> {
  return api('POST /custom-fields/:id/purge', { params: { id }, query: { version } });
}

/** The field as the domain's validation and formatting take it. */
export const toDef = (f: CustomField): CustomFieldDef => f;
