// The JSON Schemas of rule packs and .modelcard.yaml (rules/schema/): they compile strictly, accept the bundled packs
// and the documented examples, reject mistakes at the right place, and are wired into contributes.yamlValidation.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const ROOT = path.join(__dirname, '..', '..');
const REPO = path.join(ROOT, '..');
const SCHEMA_DIR = path.join(REPO, 'rules', 'schema');
const PACK_SCHEMA = 'modelcard-pack.schema.json';
const CONFIG_SCHEMA = 'modelcard-config.schema.json';
const CODES = ['missing-section', 'empty-section', 'placeholder', 'heading-level', 'duplicate-section', 'section-order',
    'section-title', 'front-matter', 'unknown-rule', 'metadata', 'metadata-key', 'metadata-unknown'];

type Schema = Record<string, any>;
const readSchema = (name: string): Schema => JSON.parse(readFileSync(path.join(SCHEMA_DIR, name), 'utf8'));
const packSchema = readSchema(PACK_SCHEMA);
const configSchema = readSchema(CONFIG_SCHEMA);

/** Every strict-mode check as an error, not a log line: unknown keywords, ignored keywords, undeclared required keys. */
const compile = (schema: Schema): ValidateFunction => new Ajv({ strict: true, allErrors: true }).compile(schema);

function explain(errors: ErrorObject[] | null | undefined): string {
    return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`).join('\n');
}

/** Asserts that {@code data} is invalid only at {@code instancePath}, with an error of {@code keyword} there. */
function assertFails(validate: ValidateFunction, data: unknown, instancePath: string, keyword: string): void {
    assert.equal(validate(data), false, 'expected a validation error');
    const errors = validate.errors!;
    assert.deepEqual([...new Set(errors.map((e) => e.instancePath))], [instancePath], explain(errors));
    assert.ok(errors.some((e) => e.keyword === keyword), `no ${keyword} error:\n${explain(errors)}`);
}

function assertValid(validate: ValidateFunction, data: unknown): void {
    assert.ok(validate(data), explain(validate.errors));
}

/** Follows a local "#/definitions/x" reference. */
function deref(root: Schema, s: Schema): Schema {
    return typeof s.$ref === 'string' ? deref(root, root.definitions[s.$ref.replace('#/definitions/', '')]) : s;
}

/** Every `properties` entry in the schema, with its JSON pointer. */
function allProperties(root: Schema): Array<[string, Schema | boolean]> {
    const out: Array<[string, Schema | boolean]> = [];
    const walk = (node: unknown, at: string): void => {
        if (Array.isArray(node)) {
            node.forEach((n, i) => walk(n, `${at}/${i}`));
        } else if (node && typeof node === 'object') {
            for (const [key, value] of Object.entries(node)) {
                if (key === 'properties' && value && typeof value === 'object') {
                    for (const [name, prop] of Object.entries(value as Schema)) {
                        out.push([`${at}/properties/${name}`, prop as Schema | boolean]);
                    }
                }
                walk(value, `${at}/${key}`);
            }
        }
    };
    walk(root, '#');
    return out;
}

/** The sections of a valid pack, for the invalid variations below. */
const section = (extra: Schema = {}): Schema => ({ id: 'model-details', title: 'Model Details', level: 2, ...extra });

// The pack that extends a bundled one, as documented for the remove/change/add keys.
const EXTENDING_PACK = `
id: lab
name: Lab model card template
extends: czi
remove: [model-card-authors]
change:
  citation: {requirement: optional}
  training-code: {requirement: required, guidance: "Link to the lab's GitLab."}
add:
  - id: data-availability
    title: Data Availability
    level: 2
    requirement: required
    after: training-data
  - id: lab-notes
    title: Lab Notes
    level: 3
    under: training-data
severities:
  section-order: "off"
  unknown-rule: hint
`;

// The complete .modelcard.yaml example.
const FULL_CONFIG = `
extends: ../team.modelcard.yaml
template: czi
rules:
  section-order: off
  placeholder: error
packs:
  - rules/institute.yaml
placeholders:
  add:
    - text: "[Lab name]"
      description: the lab's name placeholder
  accept:
    - TBD
    - regex: 'TODO\\(#\\d+\\)'
glossary:
  - term: FOV
    definition: Field of view
ignore:
  - "third_party/**"
`;

describe('rule pack schema', () => {
    const validate = compile(packSchema);

    it('is draft-07 with a title and description on every property', () => {
        assert.equal(packSchema.$schema, 'http://json-schema.org/draft-07/schema#');
        for (const [at, prop] of allProperties(packSchema)) {
            if (prop === true) {
                continue; // a branch's declaration of a required key (see $comment)
            }
            assert.equal(typeof prop, 'object', at);
            const s = deref(packSchema, prop as Schema);
            assert.ok(s.title && s.description, `${at} needs a title and a description`);
        }
    });

    const packs = readdirSync(path.join(REPO, 'rules')).filter((n) => n.endsWith('.yaml')).sort();
    it('finds the bundled packs', () => assert.ok(packs.length >= 3, packs.join(', ')));
    for (const name of packs) {
        it(`accepts the bundled ${name}`, () => {
            assertValid(validate, parse(readFileSync(path.join(REPO, 'rules', name), 'utf8')));
        });
    }

    it('accepts a pack that extends another and edits its sections with remove, change and add', () => {
        assertValid(validate, parse(EXTENDING_PACK));
    });

    it('accepts table-of-contents and a severity per code, off included', () => {
        assertValid(validate, { id: 'x', name: 'X', sections: [section({ 'table-of-contents': true })],
            severities: Object.fromEntries(CODES.map((c) => [c, 'off'])) });
    });

    it('refuses a section level outside 1..6', () => {
        assertFails(validate, { id: 'x', name: 'X', sections: [section({ level: 9 })] }, '/sections/0/level', 'maximum');
    });

    it('refuses a section id that is not lower-case kebab', () => {
        assertFails(validate, { id: 'x', name: 'X', sections: [section({ id: 'Bad_Id' })] }, '/sections/0/id', 'pattern');
    });

    it('refuses an unknown key in a nested subsection', () => {
        const data = { id: 'x', name: 'X', sections: [section({ sections: [{ id: 'a', title: 'A', level: 3, sectons: [] }] })] };
        assertFails(validate, data, '/sections/0/sections/0', 'additionalProperties');
    });

    it('refuses an added section with both after and under, or with neither', () => {
        const pack = parse(EXTENDING_PACK);
        pack.add[0].under = 'model-details';
        assertFails(validate, pack, '/add/0', 'oneOf');
        delete pack.add[0].under;
        delete pack.add[0].after;
        assertFails(validate, pack, '/add/0', 'oneOf');
    });

    it('refuses a change to keys that cannot be overridden', () => {
        const pack = parse(EXTENDING_PACK);
        pack.change.citation.id = 'cite';
        assertFails(validate, pack, '/change/citation', 'additionalProperties');
    });

    it('needs sections unless the pack extends another, and remove/change/add only with extends', () => {
        assertFails(validate, { id: 'x', name: 'X' }, '', 'anyOf');
        assertFails(validate, { id: 'x', name: 'X', sections: [], remove: ['citation'] }, '', 'dependencies');
    });

    it('refuses a placeholder with two pattern keys, and an unknown severity code or word', () => {
        assertFails(validate, { id: 'x', name: 'X', sections: [], placeholders: [{ text: 'a', regex: 'b' }] },
            '/placeholders/0', 'oneOf');
        assertFails(validate, { id: 'x', name: 'X', sections: [], severities: { 'missing-sections': 'error' } },
            '/severities', 'additionalProperties');
        assertFails(validate, { id: 'x', name: 'X', sections: [], severities: { placeholder: 'loud' } },
            '/severities/placeholder', 'enum');
    });
});

describe('configuration schema (.modelcard.yaml)', () => {
    const validate = compile(configSchema);

    it('is draft-07 with a title and a description with an example on every top-level key', () => {
        assert.equal(configSchema.$schema, 'http://json-schema.org/draft-07/schema#');
        for (const [at, prop] of allProperties(configSchema)) {
            if (prop === true) {
                continue;
            }
            assert.equal(typeof prop, 'object', at);
            const s = deref(configSchema, prop as Schema);
            assert.ok(s.title && s.description, `${at} needs a title and a description`);
        }
        for (const [key, prop] of Object.entries(configSchema.properties as Schema)) {
            assert.match(prop.description, /Example: /, key);
        }
    });

    it('accepts the full example', () => assertValid(validate, parse(FULL_CONFIG)));

    it('accepts an empty configuration and every severity word for every code', () => {
        assertValid(validate, {});
        for (const word of ['off', 'error', 'warning', 'information', 'hint']) {
            assertValid(validate, { rules: Object.fromEntries(CODES.map((c) => [c, word])) });
        }
    });

    it('refuses an unknown top-level key', () => {
        assertFails(validate, { ...parse(FULL_CONFIG), rule: {} }, '', 'additionalProperties');
    });

    it('refuses a severity that is not a word it knows', () => {
        assertFails(validate, { rules: { placeholder: 'loud' } }, '/rules/placeholder', 'enum');
    });

    it('refuses a rule code that does not exist', () => {
        assertFails(validate, { rules: { 'missing-sections': 'off' } }, '/rules', 'additionalProperties');
    });

    it('refuses an added placeholder without a pattern key', () => {
        assertFails(validate, { placeholders: { add: [{ description: 'no pattern' }] } }, '/placeholders/add/0', 'oneOf');
    });

    it('refuses an accepted placeholder that is neither text nor {regex}', () => {
        assertFails(validate, { placeholders: { accept: [{ text: 'TBD' }] } }, '/placeholders/accept/0', 'anyOf');
    });

    it('refuses a glossary term without a definition and a template that is not an id', () => {
        assertFails(validate, { glossary: [{ term: 'FOV' }] }, '/glossary/0', 'required');
        assertFails(validate, { template: 'CZI model card' }, '/template', 'pattern');
    });
});

describe('the two schemas together', () => {
    it('share the placeholder and glossary definitions', () => {
        assert.deepEqual(configSchema.definitions.placeholder, packSchema.definitions.placeholder);
        assert.deepEqual(configSchema.definitions.glossaryTerm, packSchema.definitions.glossaryTerm);
    });

    it('name the same diagnostic codes, and every code the rules setting of VS Code knows', () => {
        assert.deepEqual(Object.keys(packSchema.properties.severities.properties), CODES);
        assert.deepEqual(Object.keys(configSchema.properties.rules.properties), CODES);
        const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        for (const code of Object.keys(pkg.contributes.configuration.properties['modelcard.rules'].properties)) {
            assert.ok(CODES.includes(code), code);
        }
    });
});

describe('contributes.yamlValidation', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const entries: Array<{ fileMatch: string[]; url: string }> = pkg.contributes.yamlValidation;

    /**
     * Red Hat's YAML extension prefixes a relative fileMatch with "/", and yaml-language-server turns it into a
     * regular expression (every "*" is ".*") that must match the end of the document's URI.
     */
    const matcher = (fileMatch: string[]) => (uri: string) => fileMatch.some((fm) => {
        const p = /^(\w+:\/\/|\/|!)/.test(fm) ? fm : `/${fm}`;
        return new RegExp(`${p.replace(/[-\\{}+?|^$.,[\]()#\s]/g, '\\$&').replace(/\*/g, '.*')}$`).test(uri);
    });
    const schemaFor = (uri: string) => entries.filter((e) => matcher(e.fileMatch)(uri)).map((e) => path.basename(e.url));

    it('points at the two schemas, copied into the extension by npm run build', () => {
        assert.deepEqual(entries.map((e) => e.url).sort(), [`./schemas/${CONFIG_SCHEMA}`, `./schemas/${PACK_SCHEMA}`]);
        assert.match(pkg.scripts.build, /npm run copy-schemas/);
        for (const e of entries) {
            const copy = path.join(ROOT, e.url);
            assert.ok(existsSync(copy), `${copy} is missing: run npm run build`);
            assert.equal(readFileSync(copy, 'utf8'), readFileSync(path.join(SCHEMA_DIR, path.basename(e.url)), 'utf8'),
                `${e.url} is stale: run npm run build`);
        }
    });

    for (const uri of ['file:///w/.modelcard.yaml', 'file:///w/models/unet/.modelcard.yaml']) {
        it(`validates ${uri} as a configuration`, () => assert.deepEqual(schemaFor(uri), [CONFIG_SCHEMA]));
    }
    for (const uri of ['file:///w/.modelcard/packs/lab.yaml', 'file:///w/docs/modelcard-packs/institute.yaml']) {
        it(`validates ${uri} as a rule pack`, () => assert.deepEqual(schemaFor(uri), [PACK_SCHEMA]));
    }
    for (const uri of ['file:///w/rules/institute.yaml', 'file:///w/team.modelcard.yaml', 'file:///w/.modelcard.yml.bak',
        'file:///w/.github/workflows/ci.yaml', 'file:///w/rdf.yaml']) {
        it(`leaves ${uri} alone`, () => assert.deepEqual(schemaFor(uri), []));
    }
});
