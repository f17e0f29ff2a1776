/** Fresh element ids: short, readable prefixes, random enough to never collide inside one design. */
export function newId(
  prefix: 'ent' | 'fld' | 'rel' | 'enm' | 'cep' | 'view' | 'cmp' | 'uq' | 'act' | 'vwl',
): string {
  const random = globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 12);
  return `${prefix}_${random}`;
}
