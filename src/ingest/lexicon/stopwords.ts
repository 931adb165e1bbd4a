/**
 * Function words per language for the language check (../language.ts). Short, frequent,
 * unambiguous-ish words: a text in the language has a high ratio of them. Words shared by
 * several listed languages ("a", "de", "en", "la", "in") are left out of all but one list or
 * out entirely, so that the ratio separates the languages.
 */
export const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'is', 'was', 'were', 'that', 'for', 'with', 'on', 'at', 'by', 'from', 'his', 'her', 'they', 'have', 'has', 'had', 'been', 'which', 'who', 'this', 'are', 'said', 'after', 'their', 'an', 'it', 'as', 'but', 'not', 'be', 'he', 'she', 'or', 'we', 'would', 'will', 'into', 'when', 'its', 'than', 'there', 'also', 'about',
    // shared with other lists, but so frequent in English that leaving them out lets a short
    // English caption look foreign ("a" is French/Portuguese too, "in" Italian/German/Dutch)
    'a', 'in'],
  es: ['el', 'los', 'las', 'del', 'que', 'y', 'por', 'con', 'una', 'para', 'se', 'fue', 'su', 'sus', 'al', 'lo', 'como', 'más', 'pero', 'según', 'este', 'esta', 'han', 'ha', 'muertos', 'fueron', 'entre', 'sobre', 'también', 'dijo'],
  pt: ['o', 'os', 'as', 'do', 'da', 'dos', 'das', 'que', 'e', 'em', 'um', 'uma', 'para', 'com', 'não', 'foi', 'ao', 'pelo', 'pela', 'segundo', 'mortos', 'foram', 'disse', 'também', 'mais', 'nos', 'na', 'no'],
  fr: ['le', 'les', 'des', 'du', 'et', 'est', 'une', 'dans', 'pour', 'qui', 'sur', 'au', 'aux', 'par', 'ont', 'été', 'selon', 'avec', 'ce', 'cette', 'il', 'elle', 'ils', 'sont', 'mais', 'pas', 'plus', 'tués', 'lors', 'leur'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'den', 'dem', 'mit', 'sich', 'auf', 'für', 'von', 'wurde', 'wurden', 'sind', 'nach', 'bei', 'auch', 'zu', 'im', 'ins', 'sie', 'es', 'aus', 'wie', 'dass'],
  it: ['il', 'gli', 'della', 'delle', 'degli', 'che', 'è', 'di', 'per', 'con', 'sono', 'stato', 'stati', 'nel', 'nella', 'alla', 'ha', 'hanno', 'secondo', 'anche', 'dei', 'uno', 'ai', 'morti', 'ma', 'come'],
  nl: ['de', 'het', 'een', 'van', 'en', 'is', 'dat', 'niet', 'zijn', 'werd', 'werden', 'met', 'voor', 'op', 'bij', 'naar', 'ook', 'door', 'heeft', 'hebben', 'maar', 'om', 'volgens'],
  tr: ['ve', 'bir', 'bu', 'da', 'de', 'ile', 'için', 'olarak', 'göre', 'olan', 'daha', 'çok', 'ancak', 'gibi', 'sonra', 'kişi', 'öldü'],
  id: ['yang', 'dan', 'di', 'dari', 'ini', 'itu', 'dengan', 'untuk', 'dalam', 'tidak', 'akan', 'pada', 'oleh', 'telah', 'ke', 'tersebut', 'orang'],
};
