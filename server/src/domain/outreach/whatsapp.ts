import type { MessagePurpose } from './vocabulary.js';

/*
 * WhatsApp click-to-chat (issue 11): staff open https://wa.me/<digits>?text=… in their own WhatsApp, one invitee at a
 * time, and confirm that they sent it. Pure, so the web app and the tests use the same rules.
 */

/** Contacts' phones are stored in E.164 (domain/phone.ts). Iraqi mobiles are +9647…; landlines are +964 + area code. */
const IRAQI_MOBILE = /^\+9647\d{9}$/;
const IRAQI = /^\+964/;
const E164 = /^\+[1-9]\d{7,14}$/;

/**
 * The number to write to: the first Iraqi mobile, else the first foreign E.164 number (abroad we cannot tell mobiles
 * from landlines, and WhatsApp simply says so); Iraqi landlines never.
 */
export function pickMobile(phones: readonly string[]): string | null {
  return phones.find((p) => IRAQI_MOBILE.test(p)) ?? phones.find((p) => E164.test(p) && !IRAQI.test(p)) ?? null;
}

/** wa.me wants the number's digits without "+" and the text URI-encoded (Arabic and newlines included). */
export function waUrl(e164: string, text: string): string {
  return `https://wa.me/${e164.replace(/\D/g, '')}?text=${encodeURIComponent(text)}`;
}

/** The calendar day in Baghdad, YYYY-MM-DD: outreach days are Iraqi days whatever the server's zone. */
export function baghdadDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Baghdad', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * One WhatsApp message per invitee, purpose and Baghdad day: preparing the walk-through again the same day reuses
 * the row (and shows it as sent once it is), a reminder on another day is a new message.
 */
export const whatsappDedupeKey = (purpose: MessagePurpose, at: Date) => `${purpose}:${baghdadDay(at)}`;
