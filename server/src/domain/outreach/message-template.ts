import type { MessageLanguage, MessagePurpose } from './vocabulary.js';

/*
 * Message templates (issue 11): staff write the text once per event and language, with placeholders in braces that
 * each invitation fills in. Pure: the server renders and validates with it, the web app previews with the same code.
 */

export const TEMPLATE_PLACEHOLDERS = ['name', 'event', 'date', 'time', 'venue', 'governorate', 'link', 'phone'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<TemplatePlaceholder, string>;

export const TEMPLATE_MAX_LENGTH = 2000;
export const SUBJECT_MAX_LENGTH = 200;

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** Placeholders used in a text that are not known, in order of first use: `{nmae}` → ['nmae']. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(TEMPLATE_PLACEHOLDERS);
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

/** Fills every known placeholder; unknown ones cannot reach here (templates are validated when saved). */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as TemplatePlaceholder] : whole,
  );
}

export interface MessageTemplateText {
  subject: string;
  body: string;
}

/** What an event uses until staff write their own: short, polite, with the reply link. */
export const DEFAULT_TEMPLATES: Record<MessagePurpose, Record<MessageLanguage, MessageTemplateText>> = {
  invitation: {
    ar: {
      subject: 'دعوة: {event}',
      body:
        'السلام عليكم {name}،\n' +
        'يسرّنا دعوتكم إلى «{event}» يوم {date}، الساعة {time}، في {venue} ({governorate}).\n' +
        'نرجو تأكيد حضوركم أو الاعتذار عبر هذا الرابط: {link}\n' +
        'للاستفسار: {phone}',
    },
    en: {
      subject: 'Invitation: {event}',
      body:
        'Dear {name},\n' +
        'You are invited to "{event}" on {date}, {time}, at {venue} ({governorate}).\n' +
        'Please let us know whether you can attend: {link}\n' +
        'Questions: {phone}',
    },
    ku: {
      subject: 'بانگھێشت: {event}',
      body:
        'سڵاو {name}،\n' +
        'خۆشحاڵین بە بانگھێشتکردنتان بۆ «{event}» ڕۆژی {date}، کاتژمێر {time}، لە {venue} ({governorate}).\n' +
        'تکایە لەم بەستەرەوە ئامادەبوون یان نەھاتنتان ڕابگەیەنن: {link}\n' +
        'بۆ پرسیار: {phone}',
    },
  },
  reminder: {
    ar: {
      subject: 'تذكير: {event}',
      body:
        'السلام عليكم {name}،\n' +
        'نذكّركم بـ«{event}» يوم {date}، الساعة {time}، في {venue} ({governorate}).\n' +
        'لتأكيد الحضور أو الاعتذار: {link}\n' +
        'للاستفسار: {phone}',
    },
    en: {
      subject: 'Reminder: {event}',
      body:
        'Dear {name},\n' +
        'A reminder of "{event}" on {date}, {time}, at {venue} ({governorate}).\n' +
        'To confirm or decline: {link}\n' +
        'Questions: {phone}',
    },
    ku: {
      subject: 'بیرخستنەوە: {event}',
      body:
        'سڵاو {name}،\n' +
        'بیرتان دەخەینەوە بە «{event}» ڕۆژی {date}، کاتژمێر {time}، لە {venue} ({governorate}).\n' +
        'بۆ دڵنیاکردنەوەی ئامادەبوون یان نەھاتن: {link}\n' +
        'بۆ پرسیار: {phone}',
    },
  },
};
