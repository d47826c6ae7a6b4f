// Bundles the rule pack and configuration JSON Schemas into the extension (contributes.yamlValidation points at
// them): ../rules/schema/*.schema.json → schemas/. Stale copies of schemas no longer in the source are removed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, '..', 'rules', 'schema');
const to = join(root, 'schemas');
const names = existsSync(from) ? readdirSync(from).filter((n) => n.endsWith('.schema.json')).sort() : [];
if (names.length === 0) {
    console.error(`copy-schemas: no *.schema.json in ${from}`);
    process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const stale of readdirSync(to).filter((n) => n.endsWith('.json') && !names.includes(n))) {
    rmSync(join(to, stale));
}
for (const name of names) {
    copyFileSync(join(from, name), join(to, name));
}
console.log(`copy-schemas: ${names.join(', ')} → ${to}`);
