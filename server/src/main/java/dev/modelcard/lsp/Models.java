package dev.modelcard.lsp;

import dev.modelcard.check.CheckOptions;
import dev.modelcard.check.CheckResult;
import dev.modelcard.files.CardFiles;
import dev.modelcard.files.CardText;
import dev.modelcard.text.TextDocument;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The checked model of each open document, cached for its latest version: validation and every request share
 * one parse per version. A new version replaces the entry; closing the document drops it.
 */
final class Models {
    /** @param generation the configuration it was computed under; a change of configuration makes it stale */
    private record Entry(TextDocument doc, long generation, CheckResult result) {}

    /**
     * Where a document is checked: its project's configuration and checker, the check options, whether it is
     * checked as a card, the files beside it. Found once per configuration generation, not at every keystroke
     * (that took a third of a millisecond of each edit: URIs and paths, a look for a configuration file on disk).
     */
    private record Place(long generation, Projects.ForCard project, CheckOptions options, boolean card,
            Predicate<String> companions) {}

    private final Projects projects;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final Map<String, Place> places = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /**
     * Requests read models under the read lock; re-checking an edited card from the model before moves that
     * model's nodes, under the write lock, so no request reads a model while it changes.
     */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    Models(Projects projects) {
        this.projects = projects;
    }

    /** The model of exactly this version, computed now when it is not cached. */
    CheckResult of(TextDocument doc, BooleanSupplier cancelled) {
        long gen = generation.get();
        Entry e = cache.get(doc.uri());
        if (e != null && e.doc() == doc && e.generation() == gen) {
            return e.result();
        }
        Place place = place(doc.uri(), gen);
        // An older version of this card checked under the same configuration is the start of an incremental
        // check; a thread that holds the read lock cannot take the write lock that needs, and checks from scratch.
        Entry before = e != null && e.generation() == gen && e.doc().version() < doc.version()
                && lock.getReadHoldCount() == 0 ? e : null;
        CheckResult previous = before == null ? null : before.result();
        // An incremental check is not cancelled: it is quick, and the next version starts from its result.
        BooleanSupplier stop = before == null ? cancelled : () -> false;
        Consumer<Runnable> exclusive = consume -> {
            lock.writeLock().lock();
            try {
                cache.remove(doc.uri(), before);
                consume.run();
            } finally {
                lock.writeLock().unlock();
            }
        };
        CheckResult r = place.card()
                ? place.project().checker().check(doc.text(), doc.lines(), place.options(), place.companions(),
                        stop, previous, exclusive)
                : place.project().checker().parseOnly(doc.text(), doc.lines());
        // A check that began before the configuration changed still answers its caller, but is not kept.
        cache.merge(doc.uri(), new Entry(doc, gen, r), (old, neu) -> old.generation() > neu.generation()
                || old.generation() == neu.generation() && old.doc().version() > neu.doc().version() ? old : neu);
        if (generation.get() != gen) {
            cache.remove(doc.uri(), new Entry(doc, gen, r));
        }
        return r;
    }

    /** Runs a request's work on models with no model changing under it. */
    <T> T read(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Drops a document's model and place: it was closed, or saved (files may have appeared beside it or above it,
     * so its place is found again, and it is checked again from scratch).
     */
    void forget(String uri) {
        cache.remove(uri);
        places.remove(uri);
    }

    /** Settings, configuration or packs changed: every cached model is stale, and so is any check under way. */
    void clear() {
        generation.incrementAndGet();
        cache.clear();
        places.clear();
    }

    private Place place(String uri, long gen) {
        Place p = places.get(uri);
        if (p == null || p.generation() != gen) {
            Path path = Projects.path(uri);
            Projects.ForCard project = projects.forCard(path);
            p = new Place(gen, project, project.config().options(), isCard(path, uri) && !project.ignored(),
                    companions(path));
            places.put(uri, p);
        }
        return p;
    }

    /** Only files named like model cards are checked; the others are parsed for outline and folding. */
    private static boolean isCard(Path path, String uri) {
        String name = path != null && path.getFileName() != null ? path.getFileName().toString()
                : uri.substring(uri.lastIndexOf('/') + 1);
        return CardFiles.isCardName(name);
    }

    private static Predicate<String> companions(Path path) {
        return path == null ? name -> false : CardText.companions(path);
    }
}
