// Characters outside ASCII that look like an ASCII letter, digit or hyphen, for telling a host
// that only imitates a catalogued one (`аpi.openai.com` with a Cyrillic а) from the real one.
//
// Source: Unicode Technical Standard #39, Unicode Security Mechanisms, confusables.txt version
// 14.0.0 (https://www.unicode.org/reports/tr39/, data at
// https://www.unicode.org/Public/security/latest/confusables.txt). Kept: the entries whose
// prototype is a single lower-case ASCII letter, digit or hyphen, in the scripts below, and only
// characters the URL parser keeps in a host as they are (UTS #46 already maps capitals and
// fullwidth forms to lower case or ASCII, so those never reach this table).

const TABLE: [script: string, entries: string][] = [
  ['Latin', '0131 i 018D g 01BD s 01C0 l 0223 8 0251 a 0261 g 0263 y 0269 i 026A i 026F w 028B u 028F y 1D04 c 1D0F o 1D11 o 1D1C u 1D20 v 1D21 w 1D22 z 1D83 g 1D8C y 1E9D f 1EFF y A731 s A799 f A79F u AB32 e AB35 f AB3D o AB47 r AB48 r AB4E u AB52 u AB5A y'],
  ['Cyrillic', '0430 a 0431 6 0433 r 0435 e 043E o 0440 p 0441 c 0443 y 0445 x 0455 s 0456 i 0458 j 0461 w 0475 v 04AF y 04BB h 04BD e 04CF i 0501 d 051B q 051D w A647 i'],
  ['Greek', '03B1 a 03B3 y 03B9 i 03BD v 03BF o 03C1 p 03C3 o 03C5 u 03F3 j 1D26 r'],
  ['Armenian', '0561 w 0563 q 0566 q 0570 h 0578 n 057C n 057D u 0581 g 0584 f 0585 o'],
  ['Cherokee', '13A5 i 13C2 h 13CE 4 13CF b 13E7 d 13EE 6'],
  ['Coptic', '2C85 r 2C9F o 2CA3 p 2CA5 c'],
  ['Georgian', '10E7 y 10FF o'],
  ['punctuation', '02D7 - 2010 - 2012 - 2013 - 2043 - 2212 - 2796 -'],
];

export interface Confusable {
  /** The ASCII character it looks like. */
  ascii: string;
  script: string;
}

export const CONFUSABLES: ReadonlyMap<string, Confusable> = new Map(
  TABLE.flatMap(([script, entries]) => {
    const parts = entries.split(' ');
    const out: [string, Confusable][] = [];
    for (let i = 0; i < parts.length; i += 2) out.push([String.fromCodePoint(parseInt(parts[i]!, 16)), { ascii: parts[i + 1]!, script }]);
    return out;
  }),
);
