import { storedTextLanguage } from '$domain/language';
import { formatCustomValue, type CustomFieldDef, type CustomValue } from '$domain/custom-fields';
import { i18n } from '$lib/i18n/i18n.svelte';
import { formatDay, formatNumber } from '$lib/management/format';

/** A field's label in the interface language. */
/** Custom fields are labelled in Arabic and English only: Kurdish readers see the Arabic label. */
export const fieldLabel = (field: Pick<CustomFieldDef, 'labelAr' | 'labelEn'>) =>
  storedTextLanguage(i18n.language) === 'ar' ? field.labelAr : field.labelEn;

/** A value as the table and the contact page show it: dates and numbers in the user's display style, options by label. */
export function customValueText(field: CustomFieldDef, value: CustomValue | undefined): string {
  if (value === undefined) return '';
  if (field.type === 'date' && typeof value === 'string') return formatDay(value);
  if (field.type === 'number' && typeof value === 'number') return formatNumber(value);
  return formatCustomValue(field, value, i18n.language);
}
