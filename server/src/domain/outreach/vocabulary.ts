/**
 * The words of outreach (issue 11): the one list behind each database CHECK, the row types and the API schemas.
 * Pure: the web app imports these too.
 */

/** How a message reached (or was meant to reach) an invitee. */
export const OUTREACH_CHANNELS = ['whatsapp', 'email'] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/** What a message is for: the first invitation, or a reminder. */
export const MESSAGE_PURPOSES = ['invitation', 'reminder'] as const;
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** Languages a message template is kept in (the interface's languages); Arabic is the default. */
export const MESSAGE_LANGUAGES = ['ar', 'en', 'ku'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * A message's state. `prepared`: rendered for a WhatsApp walk-through, not yet confirmed as sent by staff;
 * `sent` / `failed`: the outcome (for email, the SMTP server's answer).
 */
export const OUTREACH_MESSAGE_STATUSES = ['prepared', 'sent', 'failed'] as const;
export type OutreachMessageStatus = (typeof OUTREACH_MESSAGE_STATUSES)[number];

/** Who moved an invitation's status: a staff member in the app, or the invitee through their reply link. */
export const STATUS_CHANGE_SOURCES = ['staff', 'reply_link'] as const;
export type StatusChangeSource = (typeof STATUS_CHANGE_SOURCES)[number];
