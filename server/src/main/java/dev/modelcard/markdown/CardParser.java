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
    /** Far above any real table (a 5,000 × 20 table); past it the parser gives up, and tables are read as text. */
    static final int MAX_TABLE_CELLS = 100_000;
    /**
     * commonmark copies the text of every {@code ![} opener when a {@code ]} closes it: a paragraph's openers
     * times its length. Past this product the paragraph's {@code ![} are read as {@code [}: links, not images,
     * same offsets. A real paragraph with fifty badges is below 100,000.
     */
    static final long MAX_IMAGE_OPENER_COST = 20_000_000;

    /** See {@link #breakLongRuns}. */
    static final int MAX_RUN_LINES = 5000;

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.builder().maxCells(MAX_TABLE_CELLS).build()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();
    private final Parser withoutTables = Parser.builder()
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

    /**
     * Parses body text, the whole card's or a piece of it (offsets from 0), with the guards against commonmark's
     * quadratic cases: image openers, long runs of lines, tables past {@link #MAX_TABLE_CELLS} (read as text).
     */
    Document parseBody(String body) {
        String guarded = breakLongRuns(defuseImageOpeners(body));
        try {
            return (Document) parser.parse(guarded);
        } catch (IllegalArgumentException tooManyCells) {
            return (Document) withoutTables.parse(guarded);
        }
    }

    private CardDocument full(String text, LineIndex lines) {
        FrontMatter fm = FrontMatter.find(text);
        // The front matter is blanked (line breaks kept) rather than cut off, so that every source span is
        // already an offset into the whole text.
        String body = fm != null && fm.closed() ? blank(text, fm.end()) : text;
        return assemble(text, lines, fm, parseBody(body));
    }

    /** The card over a parsed root: its top-level blocks and headings. */
    private static CardDocument assemble(String text, LineIndex lines, FrontMatter fm, Document root) {
        List<Node> blocks = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Heading h) {
                headings.add(heading(text, h, headings.size(), blocks.size()));
            }
            blocks.add(n);
        }
        return new CardDocument(text, lines, fm, root, List.copyOf(blocks), List.copyOf(headings), null);
    }

    static Heading heading(String text, org.commonmark.node.Heading h, int index, int blockIndex) {
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

    /**
     * The text with every {@link #MAX_RUN_LINES}th line of a longer run of lines that start with a non-letter
     * blanked (line breaks kept). commonmark copies a paragraph's lines each time such a line might start a
     * list: a paragraph of n such lines costs n squared. No real card has a block that long.
     */
    static String breakLongRuns(String text) {
        // A run of n lines has n chars and n - 1 line breaks at least: most cards are shorter, or have fewer
        // breaks, and are passed without reading every char.
        if (text.length() < 2 * MAX_RUN_LINES - 1
                || occurrences(text, "\n", MAX_RUN_LINES - 1) + occurrences(text, "\r", MAX_RUN_LINES - 1)
                        < MAX_RUN_LINES - 1) {
            return text;
        }
        char[] chars = null;
        int run = 0;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                continue;
            }
            int first = lineStart;
            while (first < i && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
                first++;
            }
            if (first == i) {
                run = 0;
            } else if (Character.isLetter(text.charAt(first))) {
                run = 0; // commonmark skips block starts for such a line
            } else if (++run >= MAX_RUN_LINES) {
                chars = chars != null ? chars : text.toCharArray();
                java.util.Arrays.fill(chars, lineStart, i, ' ');
                run = 0;
            }
            lineStart = i + 1;
        }
        return chars == null ? text : new String(chars);
    }

    /** The text with the {@code !} of {@code ![} blanked in each paragraph where they would cost too much. */
    static String defuseImageOpeners(String text) {
        // No paragraph is longer than the text nor has more openers than it: when even that product is within
        // the limit (always below 6,000 chars) the text is passed without reading every char.
        long length = text.length();
        if (length * length / 2 <= MAX_IMAGE_OPENER_COST
                || occurrences(text, "![", MAX_IMAGE_OPENER_COST / length + 1) * length <= MAX_IMAGE_OPENER_COST) {
            return text;
        }
        char[] chars = null;
        int chunk = 0;
        long openers = 0;
        boolean blankLine = true;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                boolean end = i == text.length() || blankLine;
                if (end) {
                    if (openers * (i - chunk) > MAX_IMAGE_OPENER_COST) {
                        chars = chars != null ? chars : text.toCharArray();
                        for (int j = chunk; j + 1 < i; j++) {
                            if (chars[j] == '!' && chars[j + 1] == '[') {
                                chars[j] = ' ';
                            }
                        }
                    }
                    chunk = i + 1;
                    openers = 0;
                }
                blankLine = true;
            } else {
                blankLine &= c == ' ' || c == '\t';
                if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                    openers++;
                }
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** How often {@code needle} occurs in the text without overlapping, counted up to {@code limit}. */
    private static long occurrences(String text, String needle, long limit) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0 && n < limit; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
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
