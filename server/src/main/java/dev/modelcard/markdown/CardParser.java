package dev.modelcard.markdown;

import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** Parses card text. Thread-safe: one instance serves every document. */
public final class CardParser {
    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    public CardDocument parse(String text) {
        return parse(text, new LineIndex(text));
    }

    public CardDocument parse(String text, LineIndex lines) {
        return full(text, lines);
    }

    /**
     * A new version of a card parsed from the one before: only the top-level blocks between the ATX headings
     * around the changed text are parsed again; the blocks before are kept and those after are moved by the
     * change's length. The result equals a full parse of {@code text} ({@link #parse(String, LineIndex)}, the
     * reference): where a local parse could differ (front matter, link reference definitions, a change that
     * opens or closes a construct across a heading) this is a full parse.
     *
     * @param exclusive runs the step that moves {@code old}'s nodes into the new card, after which {@code old}
     *     must not be read: the caller keeps readers of {@code old} out while it runs
     */
    public CardDocument parse(String text, LineIndex lines, CardDocument old, Consumer<Runnable> exclusive) {
        CardDocument incremental = old == null ? null : Splice.of(this, old, text, lines, exclusive);
        return incremental != null ? incremental : full(text, lines);
    }

    /** Parses a piece of body text on its own (offsets from 0). */
    Document parseBody(String body) {
        return (Document) parser.parse(body);
    }

    private CardDocument full(String text, LineIndex lines) {
        FrontMatter fm = FrontMatter.find(text);
        // The front matter is blanked (line breaks kept) rather than cut off, so that every source span is
        // already an offset into the whole text.
        String body = fm != null && fm.closed() ? blank(text, fm.end()) : text;
        Document root = (Document) parser.parse(body);
        return assemble(text, lines, fm, root, null);
    }

    /** The card over a parsed root: its top-level blocks and headings. */
    static CardDocument assemble(String text, LineIndex lines, FrontMatter fm, Document root,
            Boolean nestedDefinitions) {
        List<Node> blocks = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Heading h) {
                headings.add(heading(text, h, headings.size(), blocks.size()));
            }
            blocks.add(n);
        }
        return new CardDocument(text, lines, fm, root, List.copyOf(blocks), List.copyOf(headings),
                nestedDefinitions);
    }

    private static Heading heading(String text, org.commonmark.node.Heading h, int index, int blockIndex) {
        int start = Tree.start(h);
        while (start < text.length() && text.charAt(start) == ' ') {
            start++; // up to three spaces of indentation are not part of the heading
        }
        int blockEnd = Tree.end(h);
        int textStart;
        int textEnd;
        if (h.getFirstChild() != null) {
            textStart = Tree.start(h.getFirstChild());
            textEnd = Tree.end(h.getLastChild());
        } else {
            // "##" alone: an empty title just after the markers.
            textStart = start;
            while (textStart < blockEnd && text.charAt(textStart) == '#') {
                textStart++;
            }
            textEnd = textStart;
        }
        // A setext heading's span covers the underline too; the heading itself ends with its text then.
        int end = h.getSourceSpans().size() > 1 ? textEnd : trimEnd(text, start, blockEnd);
        return new Heading(index, h.getLevel(), Tree.plainText(h).strip(), start, Math.max(end, textEnd),
                textStart, textEnd, blockIndex);
    }

    /** End of an ATX heading line without trailing spaces. */
    private static int trimEnd(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static String blank(String text, int end) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            sb.append(c == '\n' || c == '\r' ? c : ' ');
        }
        return sb.append(text, end, text.length()).toString();
    }
}
