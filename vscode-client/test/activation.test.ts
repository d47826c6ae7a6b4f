// Loads the bundled dist/extension.js against a stand-in `vscode` module (no VS Code binary can be had here):
// the bundle loads, activate() registers the commands, no JVM starts before a card is open, and a missing Java
// gives one error however many cards are opened.
import assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { JAVA_MISSING_MESSAGE } from '../src/java';

const ROOT = path.join(__dirname, '..', '..');

/** A permissive stand-in: any property, call or `new` gives another stand-in; assignments are kept. */
function anything(): any {
    const kept: Record<PropertyKey, unknown> = {};
    return new Proxy(function () { /* callable */ }, {
        get: (_, p) => (p === 'then' ? undefined : p in kept ? kept[p] : (kept[p] = anything())),
        set: (_, p, v) => ((kept[p] = v), true),
        apply: () => anything(),
        construct: () => anything(),
    });
}

describe('dist/extension.js in a stand-in VS Code', () => {
    const commands = new Map<string, (...args: unknown[]) => unknown>();
    const info: string[] = [];
    const errors: string[] = [];
    let onOpen: (doc: unknown) => unknown = () => undefined;
    const overrides: Record<string, Record<PropertyKey, unknown>> = {
        commands: { registerCommand: (id: string, f: () => unknown) => (commands.set(id, f), { dispose() {} }), executeCommand() {} },
        window: {
            activeTextEditor: undefined,
            showInformationMessage: async (m: string) => void info.push(m),
            showErrorMessage: async (m: string) => void errors.push(m),
        },
        workspace: {
            textDocuments: [],
            getConfiguration: () => ({ get: () => undefined }),
            onDidOpenTextDocument: (f: (doc: unknown) => unknown) => ((onOpen = f), { dispose() {} }),
        },
        // Every document counts as a card here; the selector's patterns have their own test.
        languages: { match: () => 1 },
    };
    const base = anything();
    const vscode = new Proxy(base, {
        get: (_, ns: string) => (ns in overrides ? new Proxy(base[ns], { get: (t, p) => (p in overrides[ns] ? overrides[ns][p] : t[p]) }) : base[ns]),
    });
    const load = (Module as any)._load;
    const env = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    let ext: { activate(c: unknown): void; deactivate(): Promise<void> };
    after(async () => {
        Object.assign(process.env, env);
        await ext?.deactivate();
    });

    it('loads with vscode external and everything else bundled', () => {
        (Module as any)._load = function (request: string, ...rest: unknown[]) {
            return request === 'vscode' ? vscode : load.call(this, request, ...rest);
        };
        try {
            ext = require(path.join(ROOT, 'dist', 'extension.js'));
        } finally {
            (Module as any)._load = load;
        }
        assert.equal(typeof ext.activate, 'function');
    });

    it('registers the three commands on activation', () => {
        ext.activate({ subscriptions: [], asAbsolutePath: (p: string) => path.join(ROOT, p) });
        assert.deepEqual([...commands.keys()].sort(), ['modelcard.insertMissingSections', 'modelcard.restart', 'modelcard.showOutput']);
    });

    it('asks for a model card when there is none to insert sections into', async () => {
        await commands.get('modelcard.insertMissingSections')!();
        assert.deepEqual(info, ['Open a model card (README.md, MODEL_CARD.md or *.modelcard.md) first.']);
        assert.deepEqual(errors, []);
    });

    it('shows one "needs Java 17" error when a card opens and no Java is found, however many open', async () => {
        process.env.PATH = '';
        delete process.env.JAVA_HOME;
        await onOpen({ uri: 'file:///r/README.md' });
        await onOpen({ uri: 'file:///r/MODEL_CARD.md' });
        assert.deepEqual(errors, [JAVA_MISSING_MESSAGE]);
    });
});
