package dev.modelcard.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adaptive delay before checking an edit (when the user set no {@code debounceMs}): none while a document's
 * edits check quickly; when they are slow, as long as one took (at most {@link Settings#MAX_AUTO_DEBOUNCE_MS}),
 * to spare the CPU while typing. Only checks of edits count: a check on open or after a settings change parses
 * the whole card, and the first edit after it is checked incrementally. An edit is called slow only after two in
 * a row were: the first edits run before the code is compiled, and one slow check is no trend.
 */
final class Debounce {
    /** Per document, the durations of its last two edit checks in milliseconds: {latest, the one before}. */
    private final Map<String, long[]> editChecks = new ConcurrentHashMap<>();

    /** The delay before checking the next edit of this document. */
    long delayMs(String uri) {
        long[] last = editChecks.get(uri);
        long recent = last == null ? 0 : Math.min(last[0], last[1]);
        return recent < Settings.AUTO_DEBOUNCE_FROM_MS ? 0 : Math.min(Settings.MAX_AUTO_DEBOUNCE_MS, recent);
    }

    /** Records how long the check of an edit took. */
    void editChecked(String uri, long ms) {
        editChecks.compute(uri, (u, last) -> new long[] {ms, last == null ? 0 : last[0]});
    }

    void forget(String uri) {
        editChecks.remove(uri);
    }
}
