package dev.modelcard.text;

import java.util.List;
import java.util.function.Consumer;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** One immutable version of an open document. Edits produce a new instance. */
public final class TextDocument {
    private final String uri;
    private final int version;
    private final String text;
    private volatile LineIndex lines;

    public TextDocument(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text;
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public LineIndex lines() {
        LineIndex l = lines;
        if (l == null) {
            l = new LineIndex(text);
            lines = l;
        }
        return l;
    }

    /**
     * Applies LSP content changes in order. A range outside the document is clamped to it (as editors do) and
     * reported to {@code warn}; a change without a range replaces the whole text.
     */
    public TextDocument apply(List<TextDocumentContentChangeEvent> changes, int newVersion, Consumer<String> warn) {
        String current = text;
        LineIndex index = lines();
        for (TextDocumentContentChangeEvent change : changes) {
            String insert = change.getText() == null ? "" : change.getText();
            Range range = change.getRange();
            if (range == null) {
                current = insert;
                index = new LineIndex(current);
            } else {
                Position s = range.getStart();
                Position e = range.getEnd();
                if (!index.contains(s.getLine(), s.getCharacter()) || !index.contains(e.getLine(), e.getCharacter())) {
                    warn.accept("edit range " + show(range) + " lies outside " + uri + " (version " + version
                            + ", " + index.lineCount() + " lines); clamped to the document");
                }
                int start = index.offset(s.getLine(), s.getCharacter());
                int end = index.offset(e.getLine(), e.getCharacter());
                if (end < start) {
                    int t = start;
                    start = end;
                    end = t;
                }
                String edited = new StringBuilder(current.length() - (end - start) + insert.length())
                        .append(current, 0, start).append(insert).append(current, end, current.length()).toString();
                index = index.edited(start, end, insert, edited);
                current = edited;
            }
        }
        TextDocument next = new TextDocument(uri, newVersion, current);
        next.lines = index;
        return next;
    }

    private static String show(Range r) {
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":"
                + r.getEnd().getCharacter();
    }
}
