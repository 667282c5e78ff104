/**
 * Hand-written noisy queries for names in the demo directory (seeds/demo-contacts.ts), typed the way people type
 * them: without hamza, ى for ي and ه for ة, with harakat or tatweel pasted from WhatsApp, on a Persian or Kurdish
 * keyboard, without the article, compounds split or joined, typos, words reordered or left out, half-typed, in Latin
 * letters, on the English layout, or spelled the Sorani way by Kurdish staff (the vowels written, ث as س, the article
 * left out). `expectedName` is the demo contact's `name`, exactly (a test checks it).
 *
 * Pure data; no imports beyond a type.
 */
import type { NoiseGroup } from './noise.js';

/**
 * Groups that only hand-written queries have: the noise model cannot write them, because Sorani spells the short
 * vowels an Arabic name leaves out (محەمەد for محمد), and which vowels a name has is not in its Arabic spelling.
 */
export const HANDWRITTEN_ONLY_GROUPS = ['kurdish_spelling'] as const;

export interface HandwrittenQuery {
  group: NoiseGroup | (typeof HANDWRITTEN_ONLY_GROUPS)[number];
  query: string;
  /** The `name` of the contact in DEMO_CONTACTS this query should find. */
  expectedName: string;
  /** wrong_layout only: the Arabic that was typed; arabicToEnglishLayout(typed) === query (checked by a test). */
  typed?: string;
  note?: string;
}

export const HANDWRITTEN_QUERIES: readonly HandwrittenQuery[] = [
  // ── alef / ya / ta marbuta variants
  { group: 'alef_ya_ta_variants', query: 'الجواهرى', expectedName: 'جمال الجواهري', note: 'family name only, final ى' },
  { group: 'alef_ya_ta_variants', query: 'قاسم العبيدى', expectedName: 'قاسم العبيدي' },
  { group: 'alef_ya_ta_variants', query: 'ابرار العانى', expectedName: 'ابرار العاني' },
  { group: 'alef_ya_ta_variants', query: 'أبرار العاني', expectedName: 'ابرار العاني', note: 'hamza added where the record has none' },
  { group: 'alef_ya_ta_variants', query: 'رؤي الدرويش', expectedName: 'رؤى الدرويش' },
  { group: 'alef_ya_ta_variants', query: 'فاطمه رحيم الجنابي', expectedName: 'فاطمة رحيم الجنابي' },
  { group: 'alef_ya_ta_variants', query: 'احمد عبد الستار الدليمي', expectedName: 'أحمد عبد الستار الدليمي' },
  { group: 'alef_ya_ta_variants', query: 'خالد ابراهيم المحمدي', expectedName: 'خالد إبراهيم المحمدي' },
  { group: 'alef_ya_ta_variants', query: 'رقيه عباس ال طعمه', expectedName: 'رقية عباس آل طعمة' },
  { group: 'alef_ya_ta_variants', query: 'منتظر عبد الامير الياسري', expectedName: 'منتظر عبد الأمير الياسري' },
  { group: 'alef_ya_ta_variants', query: 'هبه طالب الجميلى', expectedName: 'هبة طالب الجميلي' },

  // ── diacritics and tatweel
  { group: 'diacritics_tatweel', query: 'جَمَال الجواهري', expectedName: 'جمال الجواهري' },
  { group: 'diacritics_tatweel', query: 'جمـــال الجواهري', expectedName: 'جمال الجواهري' },
  { group: 'diacritics_tatweel', query: 'فَاتِن صَالِح', expectedName: 'فاتن صالح' },
  { group: 'diacritics_tatweel', query: 'مـحـمـود الهيتي', expectedName: 'محمود الهيتي' },
  { group: 'diacritics_tatweel', query: 'إِينَاس عَبْدُالمُحْسِن', expectedName: 'إيناس عبدالمحسن' },
  { group: 'diacritics_tatweel', query: 'زَيْنَب حُسَيْن الرُّبَيْعِي', expectedName: 'زينب حسين الربيعي' },

  // ── Persian / Kurdish keyboard letters
  { group: 'persian_letters', query: 'ایناس عبدالمحسن', expectedName: 'إيناس عبدالمحسن', note: 'ی for ي, no hamza' },
  { group: 'persian_letters', query: 'محمود الهیتی', expectedName: 'محمود الهيتي' },
  { group: 'persian_letters', query: 'قاسم العبیدی', expectedName: 'قاسم العبيدي' },
  { group: 'persian_letters', query: 'کرار عبد الحسین العبودی', expectedName: 'كرار عبد الحسين العبودي' },
  { group: 'persian_letters', query: 'فاطمە رحیم الجنابی', expectedName: 'فاطمة رحيم الجنابي', note: 'Sorani ە for ة' },
  { group: 'persian_letters', query: 'شیلان عمر رشید', expectedName: 'شيلان عمر رشيد' },

  // ── article dropped
  { group: 'article_dropped', query: 'قاسم عبيدي', expectedName: 'قاسم العبيدي' },
  { group: 'article_dropped', query: 'محمود هيتي', expectedName: 'محمود الهيتي' },
  { group: 'article_dropped', query: 'ابرار عاني', expectedName: 'ابرار العاني' },
  { group: 'article_dropped', query: 'حوراء مهدي كعبي', expectedName: 'حوراء مهدي الكعبي' },

  // ── compounds split or joined
  { group: 'compound_split_join', query: 'مريم عبد الكريم العيساوي', expectedName: 'مريم عبدالكريم العيساوي' },
  { group: 'compound_split_join', query: 'أحمد عبدالستار الدليمي', expectedName: 'أحمد عبد الستار الدليمي' },
  { group: 'compound_split_join', query: 'مصطفى عبدالله كاظم الساعدي', expectedName: 'مصطفى عبد الله كاظم الساعدي' },
  { group: 'compound_split_join', query: 'نورالهدى جاسم محمد', expectedName: 'نور الهدى جاسم محمد' },
  { group: 'compound_split_join', query: 'حيدر ناجي أبوطبيخ', expectedName: 'حيدر ناجي أبو طبيخ' },

  // ── typos
  { group: 'typo_1', query: 'جمال الجواهيري', expectedName: 'جمال الجواهري', note: 'insertion' },
  { group: 'typo_1', query: 'فاتن صاله', expectedName: 'فاتن صالح', note: 'ح typed as ه' },
  { group: 'typo_1', query: 'محمود الهيني', expectedName: 'محمود الهيتي', note: 'dots: ت → ن' },
  { group: 'typo_1', query: 'سجاد كريم الطاي', expectedName: 'سجاد كريم الطائي', note: 'deletion' },
  { group: 'typo_1', query: 'زينب حسين الربعي', expectedName: 'زينب حسين الربيعي', note: 'deletion' },
  { group: 'typo_2', query: 'عمر فارق الكيبسي', expectedName: 'عمر فاروق الكبيسي', note: 'deletion + transposition' },
  { group: 'typo_2', query: 'علي حسم هادي الخفاحي', expectedName: 'علي حسن هادي الخفاجي', note: 'neighbouring key + dots' },

  // ── word order, first + family, still typing
  { group: 'word_order', query: 'الجواهري جمال', expectedName: 'جمال الجواهري' },
  { group: 'word_order', query: 'العبيدي قاسم', expectedName: 'قاسم العبيدي' },
  { group: 'word_order', query: 'الربيعي زينب حسين', expectedName: 'زينب حسين الربيعي' },
  { group: 'word_order', query: 'الياسري منتظر عبد الأمير', expectedName: 'منتظر عبد الأمير الياسري' },
  { group: 'first_and_family', query: 'علي الخفاجي', expectedName: 'علي حسن هادي الخفاجي' },
  { group: 'first_and_family', query: 'مصطفى الساعدي', expectedName: 'مصطفى عبد الله كاظم الساعدي' },
  { group: 'first_and_family', query: 'حسن الموسوي', expectedName: 'حسن عبد الزهرة الموسوي' },
  { group: 'first_and_family', query: 'وفاء الشمري', expectedName: 'وفاء محمد الشمري' },
  { group: 'partial_typing', query: 'جمال الجوا', expectedName: 'جمال الجواهري' },
  { group: 'partial_typing', query: 'إيناس عبدال', expectedName: 'إيناس عبدالمحسن' },
  { group: 'partial_typing', query: 'سارة خالد الفه', expectedName: 'سارة خالد الفهداوي' },
  { group: 'partial_typing', query: 'قاسم العب', expectedName: 'قاسم العبيدي' },

  // ── Latin script
  { group: 'latin_script', query: 'Jamal al-Jawahiri', expectedName: 'جمال الجواهري' },
  { group: 'latin_script', query: 'Jawahery', expectedName: 'جمال الجواهري' },
  { group: 'latin_script', query: 'Qasim Obaidi', expectedName: 'قاسم العبيدي' },
  { group: 'latin_script', query: 'Kassim al-Ubaidi', expectedName: 'قاسم العبيدي' },
  { group: 'latin_script', query: 'faten saleh', expectedName: 'فاتن صالح' },
  { group: 'latin_script', query: 'Mahmoud Hiti', expectedName: 'محمود الهيتي' },
  { group: 'latin_script', query: 'Enas Abdulmuhsin', expectedName: 'إيناس عبدالمحسن' },
  { group: 'latin_script', query: 'Ruaa Darwish', expectedName: 'رؤى الدرويش' },
  { group: 'latin_script', query: 'abrar al ani', expectedName: 'ابرار العاني' },
  { group: 'latin_script', query: 'Zainab al-Rubaie', expectedName: 'زينب حسين الربيعي' },
  { group: 'latin_script', query: 'Hasan Musawi', expectedName: 'حسن عبد الزهرة الموسوي' },
  { group: 'latin_script', query: "Norwegian People's Aid", expectedName: 'منظمة مساعدات الشعب النرويجية' },

  // ── English keyboard layout
  { group: 'wrong_layout', query: '[lhg hg[,hivd', expectedName: 'جمال الجواهري', typed: 'جمال الجواهري' },
  { group: 'wrong_layout', query: 'rhsl hgufd]d', expectedName: 'قاسم العبيدي', typed: 'قاسم العبيدي' },
  { group: 'wrong_layout', query: 'thjk whgp', expectedName: 'فاتن صالح', typed: 'فاتن صالح' },
  { group: 'wrong_layout', query: 'lpl,] hgidjd', expectedName: 'محمود الهيتي', typed: 'محمود الهيتي' },
  { group: 'wrong_layout', query: 'Ydkhs uf]hglpsk', expectedName: 'إيناس عبدالمحسن', typed: 'إيناس عبدالمحسن' },
  { group: 'wrong_layout', query: 'hfvhv hguhkd', expectedName: 'ابرار العاني', typed: 'ابرار العاني' },
  { group: 'wrong_layout', query: 'vcn hg]v,da', expectedName: 'رؤى الدرويش', typed: 'رؤى الدرويش' },

  // ── organisations by a few words
  { group: 'organisation_partial', query: 'الامل العراقيه', expectedName: 'جمعية الأمل العراقية' },
  { group: 'organisation_partial', query: 'شؤون المرأه بغداد', expectedName: 'قسم شؤون المرأة — محافظة بغداد' },
  { group: 'organisation_partial', query: 'مساعدات الشعب النرويجيه', expectedName: 'منظمة مساعدات الشعب النرويجية' },
  { group: 'organisation_partial', query: 'شباب الرمادي', expectedName: 'فريق شباب الرمادي التطوعي' },
  { group: 'organisation_partial', query: 'سفراء الكوفه', expectedName: 'فريق سفراء الكوفة التطوعي' },
  { group: 'organisation_partial', query: 'نخيل للتنميه', expectedName: 'منظمة نخيل للتنمية المجتمعية' },
  { group: 'organisation_partial', query: 'شؤون المنظمات الانبار', expectedName: 'قسم شؤون المنظمات — محافظة الأنبار' },
  { group: 'organisation_partial', query: 'شباب ورياضة الرصافه', expectedName: 'مديرية شباب ورياضة الرصافة' },

  // ── two kinds of noise at once
  { group: 'combined', query: 'ايناس عبد المحسن', expectedName: 'إيناس عبدالمحسن', note: 'no hamza + compound split' },
  {
    group: 'combined',
    query: 'مصطفي عبدالله الساعدي',
    expectedName: 'مصطفى عبد الله كاظم الساعدي',
    note: 'ى → ي, compound joined, grandfather left out',
  },
  { group: 'combined', query: 'سلوي العزاوي', expectedName: 'سلوى عبد الجبار العزاوي', note: 'first + family, ى → ي' },
  { group: 'combined', query: 'ضحي المعموري', expectedName: 'ضحى ماجد المعموري', note: 'first + family, ى → ي' },
  { group: 'combined', query: 'قاسم عبيدى', expectedName: 'قاسم العبيدي', note: 'article dropped, ى' },
  { group: 'combined', query: 'ایناس عبد المحسن', expectedName: 'إيناس عبدالمحسن', note: 'Persian ی + compound split' },
  { group: 'combined', query: 'jawahiri jamal', expectedName: 'جمال الجواهري', note: 'Latin + word order' },
  {
    group: 'combined',
    query: 'hGlg hguvhrdm',
    expectedName: 'جمعية الأمل العراقية',
    typed: 'الأمل العراقية',
    note: 'two words, English layout (G = لأ)',
  },
  { group: 'combined', query: 'اذاعة فجر الانبار', expectedName: 'إذاعة فجر الأنبار المجتمعية', note: 'no hamza, last word left out' },

  // ── Sorani spellings (a Kurdish keyboard, the name as Sorani writes it, usually without the article)
  { group: 'kurdish_spelling', query: 'زەینەب حوسێن ڕەبیعی', expectedName: 'زينب حسين الربيعي', note: 'ە inside words, ێ, ڕ' },
  { group: 'kurdish_spelling', query: 'مستەفا ساعیدی', expectedName: 'مصطفى عبد الله كاظم الساعدي', note: 'س for ص, ت for ط' },
  { group: 'kurdish_spelling', query: 'محمود هیتی', expectedName: 'محمود الهيتي' },
  { group: 'kurdish_spelling', query: 'جەمال جەواهیری', expectedName: 'جمال الجواهري' },
  { group: 'kurdish_spelling', query: 'فاتن ساڵح', expectedName: 'فاتن صالح', note: 'ڵ, س for ص' },
  { group: 'kurdish_spelling', query: 'قاسم عوبەیدی', expectedName: 'قاسم العبيدي', note: 'و for the short u' },
  { group: 'kurdish_spelling', query: 'ئەحمەد دولەیمی', expectedName: 'أحمد عبد الستار الدليمي', note: 'initial ئ' },
  { group: 'kurdish_spelling', query: 'عومەر فارووق کوبەیسی', expectedName: 'عمر فاروق الكبيسي', note: 'وو for ū' },
  { group: 'kurdish_spelling', query: 'عەلی حەسەن خەفاجی', expectedName: 'علي حسن هادي الخفاجي' },
  { group: 'kurdish_spelling', query: 'حەیدەر ناجی', expectedName: 'حيدر ناجي أبو طبيخ' },
  { group: 'kurdish_spelling', query: 'فاتمە ڕەحیم جەنابی', expectedName: 'فاطمة رحيم الجنابي', note: 'final ە for ة' },
  { group: 'kurdish_spelling', query: 'سەججاد کەریم تائی', expectedName: 'سجاد كريم الطائي', note: 'the doubled letter written' },
  { group: 'kurdish_spelling', query: 'حەسەن عەبدولزەهرا موسەوی', expectedName: 'حسن عبد الزهرة الموسوي', note: 'عەبدول' },
  { group: 'kurdish_spelling', query: 'خالید ئیبراهیم موحەممەدی', expectedName: 'خالد إبراهيم المحمدي' },
  { group: 'kurdish_spelling', query: 'وەفا محەمەد شەممەری', expectedName: 'وفاء محمد الشمري' },
  { group: 'kurdish_spelling', query: 'سەلوا عەزاوی', expectedName: 'سلوى عبد الجبار العزاوي' },
  { group: 'kurdish_spelling', query: 'ڕوقەییە عەبباس', expectedName: 'رقية عباس آل طعمة' },
  { group: 'kurdish_spelling', query: 'هەبە تالیب جومەیلی', expectedName: 'هبة طالب الجميلي', note: 'ت for ط' },
  { group: 'kurdish_spelling', query: 'بەلەند', expectedName: 'بلند' },
  { group: 'kurdish_spelling', query: 'شیلان عومەر', expectedName: 'شيلان عمر رشيد', note: 'also stored as nameKu' },
];
