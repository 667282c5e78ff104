/** Messages of the events pages: Arabic first, English must have the same keys (checked by its type). */
export const eventsAr = {
	'events.placeholder': 'الفعاليات',
};

export const eventsEn: Record<keyof typeof eventsAr, string> = {
	'events.placeholder': 'Events',
};
