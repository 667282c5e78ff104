/** Messages of the staff side of personal reply links (the invitation list): Arabic first, English with the same keys. */
export const replyLinksAr = {
	'replyLinks.summary': 'رابط الرد',
	'replyLinks.none': 'لا رابط بعد',
	'replyLinks.notOpened': 'لم يُفتح بعد',
	'replyLinks.opened': 'فُتح {count} مرة',
	'replyLinks.copy': 'نسخ الرابط',
	'replyLinks.copied': 'نُسخ الرابط',
	'replyLinks.copyByHand': 'انسخ الرابط من الحقل:',
	'replyLinks.reissue': 'رابط جديد',
	'replyLinks.reissueTitle': 'إصدار رابط جديد؟',
	'replyLinks.reissueConfirm': 'سيتوقف الرابط السابق لـ {name} عن العمل، ويجب إرسال الرابط الجديد إليه.',
	'replyLinks.reissued': 'أُصدر رابط جديد ونُسخ',
	'replyLinks.revoke': 'إلغاء الرابط',
	'replyLinks.revokeTitle': 'إلغاء رابط الرد؟',
	'replyLinks.revokeConfirm': 'لن يتمكن {name} من الرد عبر هذا الرابط بعد الآن.',
	'replyLinks.revoked': 'أُلغي الرابط',
	'replyLinks.viaLink': 'من المدعو عبر الرابط',
	'replyLinks.linkOf': 'رابط الرد لـ {name}'
};

export const replyLinksEn: Record<keyof typeof replyLinksAr, string> = {
	'replyLinks.summary': 'Reply link',
	'replyLinks.none': 'No link yet',
	'replyLinks.notOpened': 'Not opened',
	'replyLinks.opened': 'Opened {count} times',
	'replyLinks.copy': 'Copy link',
	'replyLinks.copied': 'Link copied',
	'replyLinks.copyByHand': 'Copy the link from the field:',
	'replyLinks.reissue': 'New link',
	'replyLinks.reissueTitle': 'Issue a new link?',
	'replyLinks.reissueConfirm': "{name}'s previous link will stop working; send them the new one.",
	'replyLinks.reissued': 'New link issued and copied',
	'replyLinks.revoke': 'Revoke link',
	'replyLinks.revokeTitle': 'Revoke the reply link?',
	'replyLinks.revokeConfirm': '{name} will no longer be able to answer through this link.',
	'replyLinks.revoked': 'Link revoked',
	'replyLinks.viaLink': 'By the invitee, via the link',
	'replyLinks.linkOf': 'Reply link of {name}'
};
