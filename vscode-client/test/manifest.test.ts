// The contributions in package.json and the settings the client sends: what VS Code users see and the server reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CARD_PATTERNS, serverSettings } from '../src/config';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const settings = pkg.contributes.configuration.properties;

/** A minimal VS Code-style glob (`**`, `*`, `{a,b}`), enough for the selector's patterns. */
function glob(pattern: string): RegExp {
    const re = pattern.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\0').replace(/\*/g, '[^/]*')
        .replace(/\0/g, '(?:.*/)?').replace(/\{([^}]*)\}/g, (_, alts: string) => `(?:${alts.split(',').join('|')})`);
    return new RegExp(`^${re}$`);
}

describe('package.json', () => {
    it('activates on Markdown and runs the bundled entry point', () => {
        assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
        assert.equal(pkg.main, './dist/extension.js');
        assert.match(pkg.dependencies['vscode-languageclient'], /^\^9\./);
    });

    it('contributes the three Model Card commands', () => {
        assert.deepEqual(pkg.contributes.commands.map((c: { command: string }) => c.command).sort(),
            ['modelcard.insertMissingSections', 'modelcard.restart', 'modelcard.showOutput']);
        for (const c of pkg.contributes.commands) {
            assert.equal(c.category, 'Model Card');
        }
    });

    it('contributes the settings with the right scopes', () => {
        assert.deepEqual(Object.keys(settings).sort(), ['modelcard.debounceMs', 'modelcard.java.home', 'modelcard.packs',
            'modelcard.rules', 'modelcard.template', 'modelcard.trace.server']);
        for (const key of ['modelcard.template', 'modelcard.debounceMs', 'modelcard.rules', 'modelcard.packs']) {
            assert.equal(settings[key].scope, 'resource', key);
        }
        assert.equal(settings['modelcard.java.home'].scope, 'machine'); // a workspace must not pick the executable
        assert.deepEqual(settings['modelcard.trace.server'].enum, ['off', 'messages', 'verbose']);
        assert.deepEqual(settings['modelcard.template'].anyOf[0].enum, ['auto', 'czi', 'bioimage-io']);
        assert.deepEqual(settings['modelcard.debounceMs'].type, ['number', 'null']);
        const levels = ['off', 'error', 'warning', 'information', 'hint'];
        assert.deepEqual(settings['modelcard.rules'].additionalProperties.enum, levels);
        assert.deepEqual(Object.keys(settings['modelcard.rules'].properties).sort(), ['duplicate-section', 'empty-section',
            'front-matter', 'heading-level', 'missing-section', 'placeholder', 'section-order', 'section-title']);
    });
});

describe('card selector', () => {
    const matches = (file: string) => CARD_PATTERNS.some((p) => glob(p).test(file));
    for (const file of ['/r/README.md', '/r/readme.md', '/r/Readme.md', '/r/a/b/MODEL_CARD.md', '/r/model_card.md', '/r/x/cellscribe.modelcard.md']) {
        it(`covers ${file}`, () => assert.ok(matches(file)));
    }
    for (const file of ['/r/CHANGELOG.md', '/r/docs/guide.md', '/r/README.txt', '/r/modelcard.md.bak']) {
        it(`leaves out ${file}`, () => assert.ok(!matches(file)));
    }
});

describe('serverSettings', () => {
    it('passes the configured values through', () => {
        const values: Record<string, unknown> = { template: 'czi', debounceMs: 100, packs: ['p.yaml'], rules: { placeholder: 'off' } };
        assert.deepEqual(serverSettings((k) => values[k]), values);
    });

    it('turns unset or malformed values into the server defaults', () => {
        assert.deepEqual(serverSettings(() => undefined), { template: 'auto', debounceMs: null, packs: [], rules: {} });
        const bad: Record<string, unknown> = { template: 3, debounceMs: '5', packs: ['a', 4], rules: null };
        assert.deepEqual(serverSettings((k) => bad[k]), { template: 'auto', debounceMs: null, packs: ['a'], rules: {} });
    });
});
