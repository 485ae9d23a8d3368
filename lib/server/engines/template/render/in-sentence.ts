/**
 * A heading as it reads inside a sentence ("Everything about tyre changes"): lower case, except
 * acronyms ("MOT", "NHS") and every word in German, which capitalises its nouns ("Sortiment ansehen").
 */
export function inSentence(text: string, lang: string): string {
  if (lang === "de") return text;
  return text
    .split(/(\s+)/)
    .map((word) => (/^\p{Lu}[\p{Lu}\p{N}&.-]+$/u.test(word) ? word : word.toLowerCase()))
    .join("");
}
