/** Messages of the imports pages: Arabic first, English must have the same keys (checked by its type). */
export const importsAr = {
	'imports.placeholder': 'استيراد',
};

export const importsEn: Record<keyof typeof importsAr, string> = {
	'imports.placeholder': 'Import',
};
