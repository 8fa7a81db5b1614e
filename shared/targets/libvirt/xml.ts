/** Text for XML attributes and content: the five characters XML reserves, escaped. */
export function xmlText(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', "'": 'apos', '"': 'quot' }[c]};`);
}
