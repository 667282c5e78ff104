/**
 * HXL (Humanitarian Exchange Language, hxlstandard.org, version 1.1): a row of hashtags under a spreadsheet's header
 * row, so partners and clusters can read our files with their tools. Only the core hashtags and attributes we write
 * are listed here, from the HXL 1.1 hashtag dictionary (hxlstandard.org/standard/1-1final/dictionary); language
 * attributes (+i_ar, +i_en, +i_ku: ISO 639 codes after "i_") follow the tagging conventions.
 */
export const HXL_CORE_HASHTAGS = [
  '#org',
  '#adm1',
  '#country',
  '#contact',
  '#date',
  '#status',
  '#description',
  '#meta',
  '#activity',
  '#sector',
  '#reached',
] as const;
export const HXL_CORE_ATTRIBUTES = [
  '+name',
  '+code',
  '+type',
  '+phone',
  '+email',
  '+id',
  // Dates of an activity; sex disaggregation of #reached; the roles of an #org; an #activity classed as a programme.
  '+start',
  '+end',
  '+f',
  '+m',
  '+impl',
  '+funder',
  '+programme',
] as const;
/**
 * Attributes of our own, which the tagging conventions allow (a tool that does not know one still reads the hashtag):
 * `+unknown` marks the people whose gender is not recorded (`+i` means intersex or non-binary, not "not recorded").
 */
export const HXL_LOCAL_ATTRIBUTES = ['+unknown'] as const;
const LANGUAGE_ATTRIBUTE = /^\+i_[a-z]{2,3}$/;

/** Tagging conventions §4: a hashtag (# then a letter, then letters, digits or _), then attributes (+ likewise). */
const TAG_SYNTAX = /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/;

export interface HxlTag {
  hashtag: string;
  attributes: string[];
}

/** The parts of a tag as written in a hashtag row (spaces before + allowed), or null when it is not valid HXL. */
export function parseHxlTag(text: string): HxlTag | null {
  const tag = text.trim().toLowerCase();
  if (!TAG_SYNTAX.test(tag)) return null;
  const [hashtag, ...attributes] = tag.replace(/\s+/g, '').split('+');
  return { hashtag, attributes: attributes.map((a) => `+${a}`) };
}

/** Whether a tag uses only core hashtags and our documented local attributes (see HXL_LOCAL_ATTRIBUTES). */
export function isCoreOrLocalTag(tag: HxlTag): boolean {
  const core = tag.attributes.filter((a) => !(HXL_LOCAL_ATTRIBUTES as readonly string[]).includes(a));
  return isCoreTag({ hashtag: tag.hashtag, attributes: core });
}

/** Whether a tag uses only core hashtags and attributes (language attributes included). */
export function isCoreTag(tag: HxlTag): boolean {
  return (
    (HXL_CORE_HASHTAGS as readonly string[]).includes(tag.hashtag) &&
    tag.attributes.every((a) => (HXL_CORE_ATTRIBUTES as readonly string[]).includes(a) || LANGUAGE_ATTRIBUTE.test(a))
  );
}
