// Reading values in the admin pages (the operator's dashboard, the devnet's network view): every page script
// loads this first. What a page is sent is not trusted: quantities must be 0x-hex of at most 256 bits and hashes
// 32 bytes, anything else shows as '?'; nothing read here is ever turned into markup.
'use strict';
const PageValues = Object.freeze({
  CREDIT: 10n ** 18n,

  /** A 0x quantity as a BigInt, or null when it is not one. */
  quantity(v) {
    return typeof v === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(v) ? BigInt(v) : null;
  },

  /** A count: a 0x quantity or a finite JSON number, as decimal text; '?' otherwise. */
  number(v) {
    const q = PageValues.quantity(v);
    return q === null ? (typeof v === 'number' && Number.isFinite(v) ? String(v) : '?') : q.toString();
  },

  /** Credits with two decimals, cut: {@code v} in base units, or in whole credits when {@code whole}. */
  credits(v, whole) {
    const q = PageValues.quantity(v);
    if (q === null) {
      return '?';
    }
    const units = whole ? q * PageValues.CREDIT : q;
    return (units / PageValues.CREDIT).toString() + '.'
      + ((units % PageValues.CREDIT) * 100n / PageValues.CREDIT).toString().padStart(2, '0');
  },

  /** A 32-byte hash as given, or '?'. */
  hash(v) {
    return typeof v === 'string' && /^0x[0-9a-fA-F]{64}$/.test(v) ? v : '?';
  },
});
