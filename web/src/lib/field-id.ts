/** The DOM id of the control for a field path, so error messages and summaries can point at it. */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

/** Moves focus to a field by path; for a group (fieldset) to its first control. */
export function focusField(path: string): void {
  const element = document.getElementById(fieldId(path));
  if (!element) return;
  const target = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, select, textarea') : element;
  target?.focus();
  element.scrollIntoView({ block: 'center' });
}
