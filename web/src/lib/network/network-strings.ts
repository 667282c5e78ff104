import { i18n } from '$lib/i18n/i18n.svelte';

/** The network page's own strings (kept here, not in the shared dictionaries). */
const strings = {
	ar: {
		title: 'شبكة العلاقات',
		governorate: 'المحافظة',
		chooseGovernorate: 'اختر محافظة…',
		depth: 'العمق',
		depth1: 'درجة واحدة',
		depth2: 'درجتان',
		showEnded: 'إظهار العلاقات المنتهية',
		legendKinds: 'أنواع جهات الاتصال',
		legendEdges: 'أنواع العلاقات',
		figures: 'أرقام',
		connections: 'الصلات',
		organisationsReached: 'منظمات يمكن الوصول إليها',
		governoratesReached: 'محافظات يمكن الوصول إليها',
		bridges: 'جسور (الوساطة بين المجموعات)',
		noBridges: 'لا توجد جسور في هذه الشبكة.',
		centreHere: 'شبكة {name}',
		loading: 'جارٍ تحميل الشبكة…',
		laying: 'جارٍ رسم الشبكة…',
		empty: 'لا توجد علاقات لعرضها.',
		contact: 'جهة الاتصال',
		startTitle: 'اختر ما تريد رؤية شبكته',
		startContact: 'ابحث عن جهة اتصال بالاسم لرؤية علاقاتها على درجة أو درجتين.',
		startGovernorate: 'أو اختر محافظة لرؤية شبكة جهاتها والجسور التي تصل بين مجموعاتها.',
		pickContact: 'اختيار جهة اتصال',
		pickGovernorate: 'اختيار محافظة',
		truncated: 'الشبكة كبيرة: تُعرض أول ٥٠٠ جهة فقط.',
		loadFailed: 'تعذّر تحميل الشبكة.',
		retry: 'إعادة المحاولة',
		nodesEdges: '{nodes} جهة، {edges} علاقة',
		position: 'منصب',
		otherType: 'أخرى',
		viewContact: 'عرض الشبكة حول جهة اتصال',
		activist: 'ناشط/ة',
		volunteer_team: 'فريق تطوعي',
		organization: 'منظمة',
		government_focal_point: 'نقطة اتصال حكومية'
	},
	en: {
		title: 'Network',
		governorate: 'Governorate',
		chooseGovernorate: 'Choose a governorate…',
		depth: 'Depth',
		depth1: '1 hop',
		depth2: '2 hops',
		showEnded: 'Show ended relationships',
		legendKinds: 'Contact kinds',
		legendEdges: 'Relationship types',
		figures: 'Figures',
		connections: 'Connections',
		organisationsReached: 'Organisations reached',
		governoratesReached: 'Governorates reached',
		bridges: 'Bridges (betweenness)',
		noBridges: 'No bridges in this network.',
		centreHere: 'Network of {name}',
		loading: 'Loading the network…',
		laying: 'Laying out the network…',
		empty: 'No relationships to show.',
		contact: 'Contact',
		startTitle: 'Choose whose network to see',
		startContact: 'Search for a contact by name to see their relationships one or two hops away.',
		startGovernorate: 'Or choose a governorate to see the network of its contacts and the bridges between their groups.',
		pickContact: 'Pick a contact',
		pickGovernorate: 'Choose a governorate',
		truncated: 'Large network: only the first 500 contacts are shown.',
		loadFailed: 'The network could not be loaded.',
		retry: 'Retry',
		nodesEdges: '{nodes} contacts, {edges} relationships',
		position: 'position',
		otherType: 'other',
		viewContact: 'Network around a contact',
		activist: 'Activist',
		volunteer_team: 'Volunteer team',
		organization: 'Organisation',
		government_focal_point: 'Government focal point'
	}
} as const;

export type NetworkStringKey = keyof (typeof strings)['ar'];

/** A network string in the current language; `{name}` placeholders are filled from params. */
export function nt(key: NetworkStringKey, params?: Record<string, string | number>): string {
	const message: string = strings[i18n.language][key];
	if (!params) return message;
	return message.replace(/\{(\w+)\}/g, (p, name: string) => (name in params ? String(params[name]) : p));
}
