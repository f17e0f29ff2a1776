/**
 * "a" or "an" before a class name in generated docstrings ("an Author", "a User", "an SMSCode"), by the sound
 * the word starts with: spelling alone gets "a Order" and "an User" wrong.
 */
export function indefiniteArticle(word: string): 'a' | 'an' {
  const w = word.trim();
  if (w === '') return 'a';
  // An acronym (two capitals in a row, or one capital alone) is read letter by letter: "an SMS", "a URL".
  if (/^[A-Z](?:[A-Z]|$)/.test(w)) return 'AEFHILMNORSX'.includes(w.charAt(0)) ? 'an' : 'a';
  const lower = w.toLowerCase();
  // Vowels sounding like "you" / "wa": a User, a Unit, a Euro, a Once-off.
  if (/^(?:uni(?!nd|nt|nv|ns)|use|usu|uti|ura|ure|eu|ewe|one|once)/.test(lower)) return 'a';
  // A silent h: an Hour, an Honour, an Heir.
  if (/^(?:hour|honest|honou?r|heir)/.test(lower)) return 'an';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

/** The word after its article: `withArticle('Order')` is "an Order"; at a sentence start "An Order". */
export function withArticle(word: string, options: { capital?: boolean } = {}): string {
  const article = indefiniteArticle(word);
  return `${options.capital ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${word}`;
}
