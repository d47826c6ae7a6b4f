package dev.modelcard.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.modelcard.check.CardChecker;
import dev.modelcard.cli.Main;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The protocol face of the server: lifecycle, settings and workspace. Features live in the services and engine. */
public final class ModelCardServer implements LanguageServer, LanguageClientAware {
    private final ServerLog log = new ServerLog();
    private final DocumentStore docs = new DocumentStore();
    private final IntConsumer exit;
    private volatile Settings settings = Settings.DEFAULT;
    private volatile ClientSupport support = ClientSupport.NONE;
    private volatile LanguageClient client;
    /**
     * The bundled packs load off the message thread once the {@code initialize} reply is made (or when a check
     * needs them first), so that loading them does not delay the reply; the first check waits for them.
     */
    private final CompletableFuture<CardChecker> bundled = new CompletableFuture<>();
    private final AtomicBoolean packsLoading = new AtomicBoolean();
    private volatile boolean shutdown;
    /** What the client sent at start: later settings are laid over it, never in place of it. */
    private volatile Object initOptions;
    /** The settings in use as sent (their {@link Settings#section}) and the folder they were read against. */
    private volatile List<Object> applied;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final Projects projects;
    private final Models models;
    private final Validator validator;
    private final CardTextDocumentService textService;
    private final CardWorkspaceService workspaceService;

    /** @param exit called with the process exit code on the {@code exit} notification */
    public ModelCardServer(IntConsumer exit) {
        this.exit = exit;
        this.projects = new Projects(() -> settings, docs::get, () -> {
            loadBundled();
            return bundled.join();
        }, m -> log.show(MessageType.Error, m), this::checkLog);
        this.models = new Models(projects);
        this.validator = new Validator(docs, models, projects, () -> settings, log);
        this.textService = new CardTextDocumentService(docs, models, validator, projects, this::recheckAll,
                () -> support, log);
        this.workspaceService = new CardWorkspaceService(this);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
        log.connect(client);
        validator.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        Gson json = new MessageJsonHandler(Map.of()).getGson(); // LSP4J's mapping between its types and JSON
        accept(InitializeRequest.read(json.toJsonTree(params).getAsJsonObject()));
        applyInitialSettings();
        loadBundled(); // from here on, loading does not hold up the reply
        return CompletableFuture.completedFuture(json.fromJson(Capabilities.json(), InitializeResult.class));
    }

    /** What {@code initialize} tells; the settings it carries apply with {@link #applyInitialSettings}. */
    void accept(InitializeRequest request) {
        projects.setRoots(Projects.paths(request.rootUris()));
        support = request.support();
        initOptions = request.options();
    }

    /** The settings of {@code initialize}, applied once connected: what is wrong with them reaches the client. */
    void applyInitialSettings() {
        applySettings(initOptions);
    }

    @Override
    public void initialized(InitializedParams params) {
        loadBundled();
        bundled.thenAccept(c -> {
            log.info("modelcard-ls " + Main.version() + " ready; packs: "
                    + c.packs().templates().stream().map(p -> p.id()).toList() + "; workspace: " + projects.roots());
            for (PackProblem p : c.packs().problems()) {
                log.show(MessageType.Error, "rule pack not used: " + p);
            }
        });
        watchFiles();
        pullSettings();
    }

    /** Asks the client to tell about configuration and pack files changing on disk, when it can be asked. */
    private void watchFiles() {
        LanguageClient c = client;
        if (c == null || !support.watchedFiles()) {
            return;
        }
        var watchers = List.of(new FileSystemWatcher(Either.forLeft("**/.modelcard.yaml")),
                new FileSystemWatcher(Either.forLeft("**/*.{yaml,yml}")));
        Registration r = new Registration("modelcard-watched-files", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(watchers));
        c.registerCapability(new RegistrationParams(List.of(r))).exceptionally(e -> {
            log.warn("the client did not take the file watchers (" + e.getMessage() + "); configuration changes on "
                    + "disk apply when a card is saved or the settings change");
            return null;
        });
    }

    /**
     * Asks the client for the {@code modelcard} settings when it answers {@code workspace/configuration}; the
     * answer arrives later on the message thread, which never waits for it.
     */
    void pullSettings() {
        LanguageClient c = client;
        if (c == null || !support.configuration()) {
            return;
        }
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("modelcard");
        c.configuration(new ConfigurationParams(List.of(item))).thenAccept(answer -> {
            if (answer != null && !answer.isEmpty() && answer.get(0) != null) {
                if (applySettings(Settings.over(initOptions, answer.get(0)))) {
                    recheckAll();
                }
            }
        }).exceptionally(e -> {
            log.warn("workspace/configuration failed: " + e.getMessage());
            return null;
        });
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

    /** New settings pushed by the client; a client that is asked for them may push an empty change instead. */
    void updateSettings(Object raw) {
        if (raw instanceof JsonObject o && (o.has("modelcard") || o.has("template") || o.has("rules")
                || o.has("packs") || o.has("debounceMs"))) {
            if (applySettings(Settings.over(initOptions, raw))) {
                recheckAll();
            }
        } else if (support.configuration()) {
            pullSettings();
        } else if (applySettings(Settings.over(initOptions, raw))) {
            recheckAll();
        }
    }

    void workspaceFolders(List<WorkspaceFolder> added, List<WorkspaceFolder> removed) {
        List<Path> roots = new ArrayList<>(projects.roots());
        roots.removeAll(Projects.paths(removed.stream().map(WorkspaceFolder::getUri).toList()));
        roots.addAll(Projects.paths(added.stream().map(WorkspaceFolder::getUri).toList()));
        projects.setRoots(roots);
        recheckAll();
    }

    /** Files changed on disk: when a configuration or pack in use is among them, every card is checked again. */
    void filesChanged(List<String> uris) {
        if (Projects.paths(uris).stream().anyMatch(projects::isInUse)
                || uris.stream().anyMatch(u -> DataFiles.isYaml(u) && docs.get(u) != null)) {
            recheckAll();
        }
    }

    void recheckAll() {
        projects.forget();
        models.clear();
        validator.all();
    }

    /**
     * Applies settings; false when they are the ones in use (as a client answers {@code workspace/configuration}
     * right after start with what it sent in {@code initialize}): then no card needs checking again.
     */
    private boolean applySettings(Object raw) {
        Path base = projects.roots().isEmpty() ? Path.of("").toAbsolutePath() : projects.roots().get(0);
        List<Object> key = Arrays.asList(Settings.section(raw), base);
        if (key.equals(applied)) {
            return false;
        }
        applied = key;
        Settings next = Settings.from(raw, base, log);
        settings = next;
        String template = next.config().template();
        if (template != null) {
            // The checker of the settings' packs (cached for the checks that follow), not a second load of them.
            bundled.thenRun(() -> {
                PackRegistry packs = projects.forCard(null).checker().packs();
                if (packs.get(template).isEmpty()) {
                    log.show(MessageType.Warning, "unknown template '" + template + "' in the settings; known: "
                            + packs.templates().stream().map(p -> p.id()).toList());
                }
            });
        }
        return true;
    }

    /**
     * What a check tells: each distinct message once (a skipped pattern would otherwise be logged again on every
     * keystroke), a bounded number of them.
     */
    private void checkLog(String message, Throwable e) {
        if (logged.size() < 1000 && logged.add(message + e)) {
            log.error(message, e);
        }
    }

    /** The bundled packs start loading on a thread of their own, once. */
    void loadBundled() {
        if (!packsLoading.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                bundled.complete(new CardChecker(PackRegistry.bundled(), this::checkLog));
            } catch (RuntimeException | Error e) {
                log.error("cannot load the rule packs", e);
                bundled.completeExceptionally(e);
            }
        }, "modelcard-packs");
        t.setDaemon(true);
        t.start();
    }
}
