package dev.modelcard.lsp;

import dev.modelcard.text.TextDocument;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The open documents, each at its latest version. Written by the message thread, read by check workers. */
final class DocumentStore {
    private final ConcurrentMap<String, TextDocument> docs = new ConcurrentHashMap<>();

    void put(TextDocument doc) {
        docs.put(doc.uri(), doc);
    }

    TextDocument get(String uri) {
        return docs.get(uri);
    }

    TextDocument remove(String uri) {
        return docs.remove(uri);
    }

    /** True while {@code doc} is still the latest version of its document. */
    boolean isCurrent(TextDocument doc) {
        return docs.get(doc.uri()) == doc;
    }

    Collection<TextDocument> all() {
        return docs.values();
    }
}
