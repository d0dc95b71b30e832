/** Text normalization shared by header matching and cell reading. */

/** NFKC folds full-width digits, letters and signs (３ → 3, ％ → %) to their plain forms. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim();
}

/** Key for matching headers, codes, labels and names: NFKC, trimmed, spaces collapsed, lower case. */
export function normalizeKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').toLowerCase();
}
