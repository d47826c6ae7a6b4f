package dev.modelcard.lsp;

import dev.modelcard.check.CheckResult;
import dev.modelcard.features.CodeActions;
import dev.modelcard.features.Completeness;
import dev.modelcard.features.Completions;
import dev.modelcard.features.Hovers;
import dev.modelcard.features.Outlines;
import dev.modelcard.text.TextDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CompletionTriggerKind;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Document sync and requests. Edits are applied here, in order, cheaply; parsing and checking happen on the
 * check worker, and requests on a pool of their own, each on the model of the document's current version.
 */
final class CardTextDocumentService implements TextDocumentService {
    private final DocumentStore docs;
    private final Models models;
    private final Validator validator;
    private final Supplier<ClientSupport> support;
    private final Projects projects;
    /** Re-checks every card: a configuration or pack they read was edited. */
    private final Runnable dataChanged;
    private final ServerLog log;
    private final ExecutorService requests = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "modelcard-request");
        t.setDaemon(true);
        return t;
    });

    CardTextDocumentService(DocumentStore docs, Models models, Validator validator, Projects projects,
            Runnable dataChanged, Supplier<ClientSupport> support, ServerLog log) {
        this.docs = docs;
        this.projects = projects;
        this.dataChanged = dataChanged;
        this.models = models;
        this.validator = validator;
        this.support = support;
        this.log = log;
    }

    /**
     * No new requests (the protocol gate refuses them after {@code shutdown}); those under way finish. Not
     * {@code shutdownNow}: an interrupt that lands while an answer is written closes an interruptible output
     * channel, and every later answer with it.
     */
    void shutdown() {
        requests.shutdown();
    }

    /**
     * Runs a request off the message thread on the current model. An unknown document gets {@code empty}, and
     * so does a failure, which is logged: a request never breaks the client.
     */
    private <T> CompletableFuture<T> answer(String uri, T empty, BiFunction<CheckResult, CancelChecker, T> body) {
        return answer(uri, empty, (doc, r, cancel) -> body.apply(r, cancel));
    }

    /** As {@link #answer(String, Object, BiFunction)}, for answers that also name the document's version. */
    private <T> CompletableFuture<T> answer(String uri, T empty, VersionedRequest<T> body) {
        return CompletableFutures.computeAsync(requests, cancel -> {
            TextDocument doc = docs.get(uri);
            if (doc == null || DataFiles.isYaml(uri)) {
                return empty; // YAML is validated, not outlined: its comments would read as Markdown headings
            }
            try {
                return models.read(() -> body.apply(doc, models.of(doc, cancel::isCanceled), cancel));
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                log.error("request on " + uri + " failed", e);
                return empty;
            }
        });
    }

    private interface VersionedRequest<T> {
        T apply(TextDocument doc, CheckResult r, CancelChecker cancel);
    }

    /** The offset of a request position, or -1 when it lies outside the document. */
    private static int offset(CheckResult r, Position p) {
        return r.card().lines().contains(p.getLine(), p.getCharacter())
                ? r.card().lines().offset(p.getLine(), p.getCharacter()) : -1;
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(params.getTextDocument().getUri(), null, (r, cancel) -> {
            int at = offset(r, params.getPosition());
            return at < 0 ? null : Hovers.at(r, at);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return answer(params.getTextDocument().getUri(), List.of(), (r, cancel) ->
                Outlines.symbols(r, cancel::isCanceled).stream()
                        .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return answer(params.getTextDocument().getUri(), List.of(),
                (r, cancel) -> Outlines.folding(r.card(), cancel::isCanceled));
    }

    /** One lens on the first line of a model card: its template and how complete it is. */
    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return answer(params.getTextDocument().getUri(), List.of(), (r, cancel) -> {
            if (r.pack() == null) {
                return List.of();
            }
            Completeness c = Completeness.of(r);
            return List.of(new CodeLens(new Range(new Position(0, 0), new Position(0, 0)),
                    new Command(c.label(), ""), null));
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        Either<List<CompletionItem>, CompletionList> none = Either.forLeft(List.of());
        return answer(params.getTextDocument().getUri(), none, (r, cancel) -> {
            int at = offset(r, params.getPosition());
            if (at < 0) {
                return none;
            }
            CompletionContext context = params.getContext();
            boolean typed = context != null && context.getTriggerKind() == CompletionTriggerKind.TriggerCharacter;
            return Either.forLeft(Completions.at(r, at, support.get().snippets(), typed));
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return answer(params.getTextDocument().getUri(), List.of(), (doc, r, cancel) -> {
            Range range = params.getRange();
            var lines = r.card().lines();
            if (range == null || !lines.contains(range.getStart().getLine(), range.getStart().getCharacter())) {
                return List.of();
            }
            int start = lines.offset(range.getStart().getLine(), range.getStart().getCharacter());
            int end = Math.max(start, lines.offset(range.getEnd().getLine(), range.getEnd().getCharacter()));
            List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
            return CodeActions.of(r, doc.uri(), doc.version(), start, end, only, support.get().documentChanges())
                    .stream().map(Either::<Command, CodeAction>forRight).toList();
        });
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        String text = item.getText() == null ? "" : item.getText();
        docs.put(new TextDocument(item.getUri(), item.getVersion(), text));
        validator.now(item.getUri());
        dataFileEdited(item.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        TextDocument doc = docs.get(uri);
        if (doc == null) {
            log.warn("didChange for " + uri + ", which is not open; ignored (the client must send didOpen first)");
            return;
        }
        Integer version = params.getTextDocument().getVersion();
        int next = version == null ? doc.version() + 1 : version;
        if (next <= doc.version()) {
            log.warn("didChange for " + uri + " has version " + next + ", not above " + doc.version()
                    + "; applied anyway");
        }
        try {
            docs.put(doc.apply(params.getContentChanges(), next, log::warn));
        } catch (RuntimeException e) {
            log.error("could not apply a change to " + uri + "; the document is kept at version " + doc.version(), e);
            return;
        }
        validator.later(uri);
        dataFileEdited(uri);
    }

    /** An open configuration or pack in use now reads from the editor: the cards that use it change too. */
    private void dataFileEdited(String uri) {
        Path path = Projects.path(uri);
        if (DataFiles.isYaml(uri) && path != null && projects.isInUse(path)) {
            dataChanged.run();
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        docs.remove(uri);
        validator.close(uri);
        dataFileEdited(uri); // the disk's text applies again
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // The text is already current, but files may have appeared beside the card or above it (companions, a
        // configuration): it is placed and checked again.
        if (docs.get(params.getTextDocument().getUri()) != null) {
            models.forget(params.getTextDocument().getUri());
            validator.now(params.getTextDocument().getUri());
            dataFileEdited(params.getTextDocument().getUri()); // a pack is read from disk: saved, it applies
        }
    }
}
