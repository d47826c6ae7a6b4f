package dev.modelcard.lsp;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckResult;
import dev.modelcard.files.CardFiles;
import dev.modelcard.files.CardText;
import dev.modelcard.text.TextDocument;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The checked model of each open document, cached for its latest version: validation and every request share
 * one parse per version. A new version replaces the entry; closing the document drops it.
 */
final class Models {
    private record Entry(TextDocument doc, CheckResult result) {}

    private final Supplier<CardChecker> checker;
    private final Supplier<Settings> settings;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    Models(Supplier<CardChecker> checker, Supplier<Settings> settings) {
        this.checker = checker;
        this.settings = settings;
    }

    /** The model of exactly this version, computed now when it is not cached. */
    CheckResult of(TextDocument doc, BooleanSupplier cancelled) {
        Entry e = cache.get(doc.uri());
        if (e != null && e.doc() == doc) {
            return e.result();
        }
        CheckResult r = isCard(doc.uri())
                ? checker.get().check(doc.text(), doc.lines(), settings.get().template(), companions(doc.uri()),
                        cancelled)
                : checker.get().parseOnly(doc.text(), doc.lines());
        cache.merge(doc.uri(), new Entry(doc, r), (old, neu) -> old.doc().version() > neu.doc().version() ? old : neu);
        return r;
    }

    /** A text checked against a given template, for trying out an edit before offering it. */
    CheckResult checkAs(String text, String template) {
        return checker.get().check(text, template, name -> false);
    }

    void forget(String uri) {
        cache.remove(uri);
    }

    /** Settings or packs changed: every cached model is stale. */
    void clear() {
        cache.clear();
    }

    /** Only files named like model cards are checked; the others are parsed for outline and folding. */
    private static boolean isCard(String uri) {
        Path path = path(uri);
        String name = path != null && path.getFileName() != null ? path.getFileName().toString()
                : uri.substring(uri.lastIndexOf('/') + 1);
        return CardFiles.isCardName(name);
    }

    private static Predicate<String> companions(String uri) {
        Path path = path(uri);
        return path == null ? name -> false : CardText.companions(path);
    }

    private static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
