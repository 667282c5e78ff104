/** Messages of the management pages: Arabic first, English must have the same keys (checked by its type). */
export const managementAr = {
	'management.placeholder': 'الشراكات الحكومية',
};

export const managementEn: Record<keyof typeof managementAr, string> = {
	'management.placeholder': 'Government partnerships',
};
