// Russian to Latin (GOST 7.79-2000 B, simplified), for suggesting a slug from a name.
// Letter by letter: а→a … я→ya; `_` marks the signs (ъ, ь) that vanish.
const cyrillic = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const latin = 'a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya'.split(
  ' ',
);

/** a URL-safe short name suggested from an organization's name: «Динамо СПб» → `dinamo-spb` */
export function slugify(name: string): string {
  return (
    [...name.toLowerCase()]
      .map((ch) => {
        const i = cyrillic.indexOf(ch);
        return i < 0 ? ch : (latin[i] ?? '').replace('_', '');
      })
      .join('')
      // Latin letters with accents lose them: café → cafe
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63)
      .replace(/-+$/, '')
  );
}
