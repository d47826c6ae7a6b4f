package dev.modelcard.lsp;

import dev.modelcard.check.CardChecker;
import dev.modelcard.cli.Main;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import dev.modelcard.edits.Fix;
import dev.modelcard.features.Completions;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The protocol face of the server: lifecycle and settings. Features live in the services and the engine. */
public final class ModelCardServer implements LanguageServer, LanguageClientAware {
    private final ServerLog log = new ServerLog();
    private final DocumentStore docs = new DocumentStore();
    private final IntConsumer exit;
    private volatile Settings settings = Settings.DEFAULT;
    private volatile ClientSupport support = ClientSupport.NONE;
    /** Packs load off the message thread while the client initializes; the first check waits for them. */
    private volatile CompletableFuture<CardChecker> checker;
    private volatile boolean shutdown;
    private final Models models;
    private final Validator validator;
    private final CardTextDocumentService textService;
    private final CardWorkspaceService workspaceService;

    /** @param exit called with the process exit code on the {@code exit} notification */
    public ModelCardServer(IntConsumer exit) {
        this.exit = exit;
        this.checker = load(List.of());
        this.models = new Models(() -> checker.join(), () -> settings);
        this.validator = new Validator(docs, models, () -> settings, log);
        this.textService = new CardTextDocumentService(docs, models, validator, () -> support, log);
        this.workspaceService = new CardWorkspaceService(this);
    }

    @Override
    public void connect(LanguageClient client) {
        log.connect(client);
        validator.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        applySettings(Settings.from(params.getInitializationOptions(), log));
        support = ClientSupport.of(params.getCapabilities());
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(false);
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setCompletionProvider(new CompletionOptions(false, Completions.TRIGGERS));
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, Fix.INSERT_MISSING,
                Fix.TABLE_OF_CONTENTS));
        actions.setResolveProvider(false);
        caps.setCodeActionProvider(actions);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("modelcard-ls",
                Main.version())));
    }

    @Override
    public void initialized(InitializedParams params) {
        checker.thenAccept(c -> log.info("modelcard-ls " + Main.version() + " ready; packs: "
                + c.packs().templates().stream().map(p -> p.id()).toList()));
        reportPackProblems();
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        validator.shutdown();
        textService.shutdown();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        validator.shutdown();
        exit.accept(shutdown ? 0 : 1);
    }

    boolean isShutdown() {
        return shutdown;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textService;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    void updateSettings(Object raw) {
        applySettings(Settings.from(raw, log));
        reportPackProblems();
        recheckAll();
    }

    void recheckAll() {
        models.clear();
        validator.all();
    }

    private void applySettings(Settings next) {
        Settings previous = settings;
        settings = next;
        if (!next.packs().equals(previous.packs())) {
            checker = load(next.packs().stream().map(Path::of).toList());
        }
        if (next.template() != null) {
            checker.thenAccept(c -> {
                if (c.packs().get(next.template()).isEmpty()) {
                    log.show(MessageType.Warning, "unknown template '" + next.template() + "' in the settings; "
                            + "known: " + c.packs().templates().stream().map(p -> p.id()).toList());
                }
            });
        }
    }

    private CompletableFuture<CardChecker> load(List<Path> extraPacks) {
        CompletableFuture<CardChecker> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                PackRegistry packs = extraPacks.isEmpty() ? PackRegistry.bundled() : PackRegistry.withFiles(extraPacks);
                f.complete(new CardChecker(packs, log::error));
            } catch (RuntimeException | Error e) {
                log.error("cannot load the rule packs", e);
                f.completeExceptionally(e);
            }
        }, "modelcard-packs");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private void reportPackProblems() {
        checker.thenAccept(c -> {
            for (PackProblem p : c.packs().problems()) {
                log.show(MessageType.Error, "rule pack not used: " + p);
            }
        });
    }
}
