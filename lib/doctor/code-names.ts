/** Names for generated code: construct ids, variables, Terraform names and quoted literals. No cdktf import. */

/** A construct id: `Chicago West` -> `chicago-west`. */
export function slug(name: string, fallback = 'division'): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback
  );
}

/** A TypeScript variable: `Chicago West` -> `chicagoWest`. */
export function camel(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const id = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
  return /^[A-Za-z_$]/.test(id) ? id : `d${id}`;
}

/** A Terraform resource name: `Chicago West` -> `chicago_west` (starts with a letter or underscore). */
export function tfName(name: string, fallback = 'this'): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!s) return fallback;
  return /^[a-z_]/.test(s) ? s : `_${s}`;
}

/** A single-quoted TypeScript string literal. */
export function q(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A double-quoted HCL string literal (`${` and `%{` escaped, so a name is never an expression). */
export function hclString(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}
