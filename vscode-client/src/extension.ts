import * as fs from 'node:fs';
import {
    commands, ExtensionContext, languages, OutputChannel, StatusBarAlignment, StatusBarItem, TextDocument, window,
    workspace,
} from 'vscode';
import {
    CodeAction, CodeActionRequest, CodeActionResolveRequest, DocumentSelector, LanguageClient, LanguageClientOptions,
    Range,
} from 'vscode-languageclient/node';
import { CARD_PATTERNS, DATA_PATTERNS, serverSettings } from './config';
import { classDataFlags, readJvmOptions } from './classData';
import { findJava, hugePageFlags, JavaError, JavaRuntime, jvmOptionsFile, launchArgs } from './java';
import { CardStatus, statusView } from './status';

const CARD_SELECTOR: DocumentSelector = CARD_PATTERNS.map((pattern) => ({ scheme: 'file', language: 'markdown', pattern }));
/** Configurations and packs, whatever language mode the YAML is in: the server reports their problems. */
const DATA_SELECTOR: DocumentSelector = DATA_PATTERNS.map((pattern) => ({ scheme: 'file', pattern }));

const INSERT_KIND = 'source.modelcard.insertMissingSections';

let extensionContext: ExtensionContext;
let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;
let output: OutputChannel;
let statusItem: StatusBarItem;
const statuses = new Map<string, CardStatus>();
/** Set after a failed start, so opening more cards does not repeat the same error. */
let startFailed = false;

export function activate(context: ExtensionContext): void {
    extensionContext = context;
    output = window.createOutputChannel('Model Card');
    statusItem = window.createStatusBarItem('modelcard.status', StatusBarAlignment.Right, 100);
    statusItem.name = 'Model Card';
    context.subscriptions.push(
        output,
        statusItem,
        commands.registerCommand('modelcard.showOutput', () => output.show(true)),
        commands.registerCommand('modelcard.restart', restart),
        commands.registerCommand('modelcard.insertMissingSections', insertMissingSections),
        // Start the JVM only once a card is open: activation happens for every Markdown file.
        workspace.onDidOpenTextDocument((doc) => (isCard(doc) || isDataFile(doc)) && ensureStarted(context)),
        workspace.onDidCloseTextDocument((doc) => statuses.delete(doc.uri.toString())), // the client's URI form
        window.onDidChangeActiveTextEditor(updateStatusItem),
        workspace.onDidChangeConfiguration((e) => {
            // The Java path and the jar only take effect in a new process; other settings are pushed live.
            if (e.affectsConfiguration('modelcard.java.home') && (client || startFailed)) {
                void restart();
            }
        }),
        { dispose: () => void stopClient() },
    );
    if (workspace.textDocuments.some(isCard)) {
        void ensureStarted(context);
    }
    updateStatusItem(); // the Markdown file that activated the extension
}

export function deactivate(): Promise<void> {
    return stopClient();
}

function isCard(doc: TextDocument): boolean {
    return languages.match(CARD_SELECTOR, doc) > 0;
}

function isDataFile(doc: TextDocument): boolean {
    return languages.match(DATA_SELECTOR, doc) > 0;
}

function ensureStarted(context: ExtensionContext): Promise<void> {
    if (!client && !starting && !startFailed) {
        starting = start(context).finally(() => (starting = undefined));
    }
    return starting ?? Promise.resolve();
}

async function start(context: ExtensionContext): Promise<void> {
    const config = workspace.getConfiguration('modelcard');
    const jar = context.asAbsolutePath('server/modelcard-ls.jar');
    let runtime: JavaRuntime;
    try {
        if (!fs.existsSync(jar)) {
            throw new Error(`modelcard-ls: the server jar is missing from the extension (${jar}). Reinstall the extension.`);
        }
        runtime = await findJava({ settingHome: config.get<string>('java.home') });
        output.appendLine(`Using Java ${runtime.major} from ${runtime.source}: ${runtime.java}`);
    } catch (e) {
        startFailed = true;
        if (e instanceof JavaError) {
            e.tried.forEach((line) => output.appendLine(line));
        }
        output.appendLine((e as Error).message);
        // Not awaited: a command waiting for the start must not wait for the user to dismiss this.
        void window.showErrorMessage((e as Error).message, 'Open Settings', 'Show Output').then((choice) => {
            if (choice === 'Open Settings') {
                void commands.executeCommand('workbench.action.openSettings', 'modelcard.java.home');
            } else if (choice === 'Show Output') {
                output.show(true);
            }
        });
        return;
    }
    const flags = [...readJvmOptions(jvmOptionsFile(jar)), ...hugePageFlags()];
    const classData = classDataFlags({ java: runtime.java, major: runtime.major, build: runtime.build, jar, flags,
        dir: context.globalStorageUri.fsPath, log: (line) => output.appendLine(line) });
    const launch = launchArgs(runtime.java, jar, classData, flags);
    // Relative pack paths in the settings resolve against the first workspace folder.
    const cwd = workspace.workspaceFolders?.[0]?.uri.fsPath;
    const clientOptions: LanguageClientOptions = {
        documentSelector: [...CARD_SELECTOR, ...DATA_SELECTOR],
        synchronize: { configurationSection: 'modelcard' },
        initializationOptions: serverSettings((key) => config.get(key)),
        outputChannel: output,
    };
    const c = new LanguageClient('modelcard', 'Model Card', { ...launch, options: { cwd } }, clientOptions);
    c.onNotification('modelcard/status', (status: CardStatus) => {
        statuses.set(status.uri, status);
        updateStatusItem();
    });
    client = c;
    try {
        await c.start();
    } catch (e) {
        startFailed = true;
        client = undefined;
        output.appendLine(`modelcard-ls did not start: ${(e as Error).message}`);
        void window.showErrorMessage('modelcard-ls did not start. See the Model Card output for details.', 'Show Output')
            .then((choice) => choice && output.show(true));
    }
}

async function stopClient(): Promise<void> {
    const c = client;
    client = undefined;
    statuses.clear();
    updateStatusItem();
    if (c) {
        try {
            await c.stop(5000);
        } catch (e) {
            output.appendLine(`stopping the server: ${(e as Error).message}`);
        }
    }
}

async function restart(): Promise<void> {
    await starting;
    await stopClient();
    startFailed = false;
    if (workspace.textDocuments.some(isCard)) {
        await ensureStarted(extensionContext);
    } else {
        output.appendLine('No model card is open; the server starts when one is.');
    }
}

function updateStatusItem(): void {
    const doc = window.activeTextEditor?.document;
    const view = doc?.languageId === 'markdown'
        ? statusView(isCard(doc), client && statuses.get(client.code2ProtocolConverter.asUri(doc.uri)))
        : undefined;
    if (!view) {
        statusItem.hide();
        return;
    }
    statusItem.text = view.text;
    statusItem.tooltip = view.tooltip;
    statusItem.command = view.command;
    statusItem.show();
}

async function insertMissingSections(): Promise<void> {
    const doc = window.activeTextEditor?.document;
    if (!doc || !isCard(doc)) {
        void window.showInformationMessage('Open a model card (README.md, MODEL_CARD.md or *.modelcard.md) first.');
        return;
    }
    await ensureStarted(extensionContext);
    if (!client) {
        return; // start() already said why
    }
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const actions = await client.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
        range: Range.create(0, 0, end.line, end.character),
        context: { diagnostics: [], only: [INSERT_KIND] },
    });
    let action = actions?.find((a): a is CodeAction => CodeAction.is(a) && (a.kind ?? '').startsWith(INSERT_KIND));
    if (action && !action.edit && action.data !== undefined) {
        // The contract is a plain edit, but a server may defer it to codeAction/resolve (VS Code supports both).
        action = await client.sendRequest(CodeActionResolveRequest.type, action);
    }
    if (!action?.edit) {
        void window.showInformationMessage('Nothing to insert: the card has every section its template requires.');
        return;
    }
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(action.edit);
    if (!(await workspace.applyEdit(edit))) {
        void window.showWarningMessage('modelcard-ls: the missing sections could not be inserted (the card changed meanwhile?).');
    }
}
