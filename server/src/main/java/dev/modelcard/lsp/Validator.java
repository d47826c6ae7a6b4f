package dev.modelcard.lsp;

import dev.modelcard.check.CheckResult;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.text.TextDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Checks documents off the message thread and publishes their diagnostics. One pending check per document:
 * each edit replaces it (debounce), a check whose version went stale stops at the next check boundary, and the
 * version is checked again just before publishing.
 */
final class Validator {
    private final DocumentStore docs;
    private final Models models;
    private final Projects projects;
    private final Supplier<Settings> settings;
    private final ServerLog log;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "modelcard-check");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Debounce debounce = new Debounce();
    /** Per document, the status last sent. */
    private final Map<String, CardStatus> statuses = new ConcurrentHashMap<>();
    private volatile LanguageClient client;
    private volatile ModelCardClient statusClient;

    Validator(DocumentStore docs, Models models, Projects projects, Supplier<Settings> settings, ServerLog log) {
        this.docs = docs;
        this.models = models;
        this.projects = projects;
        this.settings = settings;
        this.log = log;
    }

    void connect(LanguageClient c) {
        this.client = c;
        this.statusClient = c instanceof ModelCardClient m ? m : null;
    }

    /** Checks at once (on open). */
    void now(String uri) {
        schedule(uri, 0, false);
    }

    /** Checks after the debounce delay (on change). */
    void later(String uri) {
        Integer configured = settings.get().debounceMs();
        // By default a cheap check runs at once (the single worker already coalesces a burst: one check runs,
        // one waits, stale ones are dropped).
        schedule(uri, configured != null ? configured : debounce.delayMs(uri), true);
    }

    void all() {
        for (TextDocument d : docs.all()) {
            now(d.uri());
        }
    }

    /** Forgets a closed document and clears its diagnostics. */
    void close(String uri) {
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) {
            f.cancel(false);
        }
        debounce.forget(uri);
        statuses.remove(uri);
        models.forget(uri);
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    void shutdown() {
        worker.shutdownNow();
    }

    /** @param edit whether an edit asks for the check (its time sets the next edit's delay) */
    private void schedule(String uri, long delayMs, boolean edit) {
        if (worker.isShutdown()) {
            return;
        }
        ScheduledFuture<?> next = worker.schedule(() -> run(uri, edit), delayMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(uri, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void run(String uri, boolean edit) {
        TextDocument doc = docs.get(uri);
        LanguageClient c = client;
        if (doc == null || c == null) {
            return;
        }
        long started = System.nanoTime();
        try {
            if (DataFiles.isYaml(uri)) {
                List<Diagnostic> problems = DataFiles.diagnostics(doc, projects);
                if (docs.isCurrent(doc)) {
                    c.publishDiagnostics(new PublishDiagnosticsParams(uri, problems, doc.version()));
                }
                return;
            }
            CheckResult result;
            try {
                result = models.of(doc, () -> !docs.isCurrent(doc));
            } finally {
                // Known before the diagnostics go out: the client's next edit may follow them at once.
                if (edit) {
                    debounce.editChecked(uri, (System.nanoTime() - started) / 1_000_000);
                }
            }
            if (!docs.isCurrent(doc)) {
                return; // a newer version is queued; it publishes
            }
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, Diagnostics.of(result.findings(), doc.lines()),
                    doc.version()));
            ModelCardClient status = statusClient;
            CardStatus now = status == null ? null : CardStatus.of(uri, doc.version(), result);
            // Only when its figures changed: while the user types, they seldom do.
            if (now != null && !now.sameFigures(statuses.put(uri, now))) {
                status.status(now);
            }
        } catch (CancellationException stale) {
            // dropped: the document changed while it was being checked
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.error("checking " + uri + " (version " + doc.version() + ") failed; the server keeps running", e);
        }
    }
}
