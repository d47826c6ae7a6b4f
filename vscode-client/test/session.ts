// Runs the bundled jar over stdio on the same protocol stack vscode-languageclient uses.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    ClientCapabilities, createProtocolConnection, Diagnostic, ExitNotification, InitializedNotification,
    InitializeRequest, InitializeResult, ProtocolConnection, PublishDiagnosticsNotification, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { findJava, launchArgs } from '../src/java';

export const ROOT = path.join(__dirname, '..', '..');
export const JAR = path.join(ROOT, 'server', 'modelcard-ls.jar');
export const uriOf = (file: string) => pathToFileURL(path.resolve(ROOT, file)).href;

/** What VS Code 1.82+ announces for the features the server implements. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
    textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true, willSave: true, willSaveWaitUntil: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
        completion: {
            dynamicRegistration: true, contextSupport: true,
            completionItem: {
                snippetSupport: true, commitCharactersSupport: true, documentationFormat: ['markdown', 'plaintext'],
                deprecatedSupport: true, preselectSupport: true, insertReplaceSupport: true, labelDetailsSupport: true,
                resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
                insertTextModeSupport: { valueSet: [1, 2] },
            },
        },
        codeAction: {
            dynamicRegistration: true, isPreferredSupport: true, disabledSupport: true, dataSupport: true,
            resolveSupport: { properties: ['edit'] }, honorsChangeAnnotations: false,
            codeActionLiteralSupport: {
                codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] },
            },
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
    window: { workDoneProgress: true, showMessage: {} },
};

export class Session {
    readonly diagnostics = new Map<string, Diagnostic[][]>();
    readonly notifications: { method: string; params: unknown }[] = [];
    readonly stderr: string[] = [];
    private waiters: (() => void)[] = [];
    exitCode: Promise<number | null>;

    init?: InitializeResult;

    private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection, readonly settings: object) {
        this.exitCode = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
        conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
            this.diagnostics.set(p.uri, [...(this.diagnostics.get(p.uri) ?? []), p.diagnostics]);
            this.wake();
        });
        for (const method of ['modelcard/status', 'window/logMessage', 'window/showMessage']) {
            conn.onNotification(method, (params: unknown) => {
                this.notifications.push({ method, params });
                this.wake();
            });
        }
        // Answer the server's requests the way vscode-languageclient would, so it never waits on us.
        conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
        for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create']) {
            conn.onRequest(method, () => null);
        }
    }

    static async start(initializationOptions: object): Promise<Session> {
        if (!existsSync(JAR)) {
            throw new Error(`${JAR} is missing: build the server first: ./mvnw -q -B -DskipTests package (repository root), then npm run build`);
        }
        const java = await findJava();
        const launch = launchArgs(java.java, JAR);
        const proc = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'] });
        const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
        const s = new Session(proc, conn, initializationOptions);
        proc.stderr!.on('data', (d) => s.stderr.push(String(d)));
        conn.listen();
        s.init = await conn.sendRequest(InitializeRequest.type, {
            processId: process.pid, rootUri: uriOf('..'), workspaceFolders: [{ uri: uriOf('..'), name: 'main' }],
            capabilities: VSCODE_CAPABILITIES, initializationOptions, clientInfo: { name: 'node:test' },
        });
        await conn.sendNotification(InitializedNotification.type, {});
        return s;
    }

    private wake(): void {
        this.waiters.splice(0).forEach((w) => w());
    }

    /** Waits until `ready()` returns something, or fails after `ms`. */
    async until<T>(what: string, ready: () => T | undefined, ms = 20_000): Promise<T> {
        const deadline = Date.now() + ms;
        for (;;) {
            const value = ready();
            if (value !== undefined) {
                return value;
            }
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error(`timed out after ${ms} ms waiting for ${what}; server stderr:\n${this.stderr.join('')}`);
            }
            await new Promise<void>((resolve) => {
                const t = setTimeout(resolve, Math.min(left, 500));
                this.waiters.push(() => (clearTimeout(t), resolve()));
            });
        }
    }

    /** shutdown + exit, as vscode-languageclient stops a server; resolves to the process exit code. */
    async stop(): Promise<number | null> {
        await this.conn.sendRequest(ShutdownRequest.type);
        await this.conn.sendNotification(ExitNotification.type);
        const code = await Promise.race([this.exitCode, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref())]);
        this.kill();
        if (code === 'timeout') {
            throw new Error('the server did not exit within 10 s of the exit notification');
        }
        return code;
    }

    kill(): void {
        this.conn.dispose();
        if (this.proc.exitCode === null && this.proc.signalCode === null) {
            this.proc.kill();
        }
    }
}
