// Starts the bundled jar as the extension does (same launch arguments, same protocol stack) and checks the
// features the extension relies on against examples/czi-draft/README.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it, TestContext } from 'node:test';
import {
    CodeAction, CodeActionRequest, CompletionItem, CompletionList, CompletionRequest, Diagnostic,
    DidChangeConfigurationNotification, DidOpenTextDocumentNotification, TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT, Session, uriOf } from './session';

const CARD = '../examples/czi-draft/README.md';
const uri = uriOf(CARD);
/** MODELCARD_STRICT=1 turns "the jar does not do this yet" skips into failures. */
const strict = process.env.MODELCARD_STRICT === '1';

/** The 8 problems examples/README.md lists for czi-draft, as [0-based line, code]. */
const EXPECTED: [number, string][] = [
    [0, 'missing-section'], // Performance Metrics (and its subsections): reported once, on the title
    [23, 'placeholder'], // "..." in Parameters
    [33, 'placeholder'], // "..." in Citation
    [46, 'empty-section'], // Out-of-Scope or Unauthorized Use Cases
    [61, 'missing-section'], // Training Procedure, on the Training Data heading
    [64, 'placeholder'], // TODO in Training Data
    [131, 'placeholder'], // TBD in Limitations
    [150, 'heading-level'], // ### Acknowledgements
];

function notYet(t: TestContext, what: string): void {
    if (strict) {
        assert.fail(`the server jar does not ${what} yet (MODELCARD_STRICT=1)`);
    }
    t.skip(`the server jar does not ${what} yet`);
}

describe('bundled server over stdio', { timeout: 60_000 }, () => {
    let s: Session;
    let diagnostics: Diagnostic[];

    before(async () => {
        s = await Session.start({ template: 'auto', debounceMs: 0, packs: [], rules: {} });
        await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.resolve(ROOT, CARD), 'utf8') },
        });
        diagnostics = await s.until('diagnostics for czi-draft', () => s.diagnostics.get(uri)?.at(-1));
    });
    after(() => s?.kill());

    it('initializes with incremental sync and says who it is', () => {
        assert.equal(s.init?.serverInfo?.name, 'modelcard-ls');
        assert.deepEqual(s.init?.capabilities.textDocumentSync, { openClose: true, change: 2, save: true });
    });

    it('publishes exactly the 8 diagnostics examples/README.md lists for czi-draft', () => {
        const got = diagnostics.map((d) => [d.range.start.line, d.code]).sort((a, b) => +a[0]! - +b[0]!);
        assert.deepEqual(got, EXPECTED);
        for (const d of diagnostics) {
            assert.equal(d.source, 'modelcard');
        }
        const training = diagnostics.find((d) => d.range.start.line === 61)!;
        assert.match(training.message, /Training Procedure/);
    });

    it('offers the missing section "Training Procedure" as a completion after Training Data', async (t) => {
        if (!s.init?.capabilities.completionProvider) {
            return notYet(t, 'offer completions');
        }
        assert.deepEqual([...(s.init.capabilities.completionProvider.triggerCharacters ?? [])].sort(), ['#', '*']);
        const result = await s.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 65, character: 0 } });
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
        assert.ok(items.some((i) => i.label === 'Training Procedure'), `labels: ${items.map((i) => i.label).join(', ')}`);
    });

    it('fixes the missing "Training Procedure" with a quick fix that inserts its heading', async (t) => {
        if (!s.init?.capabilities.codeActionProvider) {
            return notYet(t, 'offer code actions');
        }
        const diagnostic = diagnostics.find((d) => d.code === 'missing-section' && /Training Procedure/.test(d.message))!;
        const actions = await s.conn.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
        });
        const fix = actions?.find((a): a is CodeAction => CodeAction.is(a) && a.kind === 'quickfix.modelcard.missing-section');
        assert.ok(fix, `actions: ${JSON.stringify(actions)}`);
        assert.match(fix.title, /^Insert/);
        assert.equal(fix.command, undefined, 'the contract is a plain edit, no command');
        const edits: TextEdit[] = [
            ...Object.values(fix.edit?.changes ?? {}).flat(),
            ...(fix.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : [])),
        ];
        assert.ok(edits.some((e) => e.newText.includes('### Training Procedure')), JSON.stringify(fix.edit));
    });

    it('offers "insert all missing sections" as a source action (the command uses it)', async (t) => {
        if (!s.init?.capabilities.codeActionProvider) {
            return notYet(t, 'offer code actions');
        }
        const actions = await s.conn.sendRequest(CodeActionRequest.type, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: ['source.modelcard.insertMissingSections'] },
        });
        const action = actions?.find((a): a is CodeAction => CodeAction.is(a) && a.kind === 'source.modelcard.insertMissingSections');
        assert.ok(action?.edit, `actions: ${JSON.stringify(actions)}`);
        const text = JSON.stringify(action.edit);
        for (const heading of ['### Training Procedure', '## Performance Metrics']) {
            assert.ok(text.includes(heading), `${heading} in ${text}`);
        }
    });

    it('sends modelcard/status with the template and completeness (the status bar item)', async (t) => {
        const status = await s.until('modelcard/status', () =>
            s.notifications.find((n) => n.method === 'modelcard/status' && (n.params as { uri: string }).uri === uri), 3000)
            .catch(() => undefined);
        if (!status) {
            return notYet(t, 'send modelcard/status');
        }
        const p = status.params as { template: string; templateName: string; complete: number; total: number; label: string };
        assert.equal(p.template, 'czi');
        assert.equal(typeof p.templateName, 'string');
        assert.ok(p.complete < p.total, `${p.complete} of ${p.total}`);
        assert.match(p.label, new RegExp(`${p.complete} of ${p.total}`));
    });

    it('sends modelcard/status without a template for a README that is not a model card ("Model card: none")', async () => {
        const plain = uriOf('../examples/plain-readme/README.md');
        await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: {
                uri: plain, languageId: 'markdown', version: 1,
                text: readFileSync(path.resolve(ROOT, '../examples/plain-readme/README.md'), 'utf8'),
            },
        });
        const status = await s.until('modelcard/status for plain-readme', () =>
            s.notifications.find((n) => n.method === 'modelcard/status' && (n.params as { uri: string }).uri === plain));
        // The server leaves null fields out (LSP4J's JSON); the client reads a missing template as null.
        assert.deepEqual(status.params, { uri: plain, version: 1, complete: 0, toFill: 0, missing: 0, total: 0, label: '' });
        assert.deepEqual(s.diagnostics.get(plain)?.at(-1), []);
    });

    it('shuts down and exits with code 0', async () => {
        assert.equal(await s.stop(), 0);
    });
});

describe('settings as the extension sends them', { timeout: 60_000 }, () => {
    let s: Session;
    const latest = () => s.diagnostics.get(uri)?.at(-1);
    const publishes = () => s.diagnostics.get(uri)?.length ?? 0;
    /**
     * Sends a VS Code-shaped push (the whole `modelcard` section) and waits for a re-check after it that `done`
     * accepts: a check already under way when the push arrives may still publish the old result first.
     */
    async function push(modelcard: object, done: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
        const before = publishes();
        await s.conn.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { modelcard: { java: { home: null }, trace: { server: 'off' }, debounceMs: 0, packs: [], ...modelcard } },
        });
        return s.until('a re-check after the settings change', () => {
            const d = publishes() > before ? latest() : undefined;
            return d && done(d) ? d : undefined;
        });
    }

    before(async () => {
        s = await Session.start({ template: 'auto', debounceMs: 0, packs: [], rules: { placeholder: 'off', 'heading-level': 'error' } });
        await s.conn.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(path.resolve(ROOT, CARD), 'utf8') },
        });
        await s.until('diagnostics for czi-draft', latest);
    });
    after(() => s?.kill());

    it('applies modelcard.rules from initializationOptions (off drops a code, a level changes severity)', (t) => {
        const got = latest()!;
        if (got.some((d) => d.code === 'placeholder')) {
            return notYet(t, 'apply the rules setting');
        }
        assert.deepEqual(got.map((d) => d.code).sort(), ['empty-section', 'heading-level', 'missing-section', 'missing-section']);
        assert.equal(got.find((d) => d.code === 'heading-level')!.severity, 1);
    });

    it('re-checks open cards when the template setting changes, and back', async () => {
        const asBioimage = await push({ template: 'bioimage-io', rules: {} }, (d) => d.some((x) => /BioImage/i.test(x.message)));
        assert.notDeepEqual(asBioimage.map((d) => d.code).sort(), EXPECTED.map(([, c]) => c).sort());
        assert.ok(asBioimage.some((d) => /BioImage/i.test(d.message)), asBioimage.map((d) => d.message).join('\n'));
        const detected = await push({ template: 'auto', rules: {} }, (d) => d.every((x) => !/BioImage/i.test(x.message)));
        assert.deepEqual(detected.map((d) => [d.range.start.line, d.code]).sort((a, b) => +a[0]! - +b[0]!), EXPECTED);
    });

    it('shuts down and exits with code 0', async () => {
        assert.equal(await s.stop(), 0);
    });
});
