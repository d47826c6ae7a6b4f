package dev.modelcard.markdown;

import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * An edited card re-parsed between two ATX headings. An ATX heading at the top level closes every open block, so
 * the parse after it does not depend on the text before it, and the blocks before it do not depend on the text
 * after it. The changed text is parsed again from the last such heading at or before it up to and including the
 * first one after it; the result stands when that piece still starts and ends with those headings. Links
 * resolve against the definitions of the whole card: the piece is parsed after a copy of the card's
 * definitions, and where the edit adds or removes one (or one sits in a container) the card is parsed whole.
 */
final class Splice {
    private static final int STRIDE = 256;

    private Splice() {}

    /** The edited card, or null when only a full parse gives the right tree. */
    static CardDocument of(CardParser parser, CardDocument old, String text, LineIndex lines,
            Consumer<Runnable> exclusive) {
        String before = old.text();
        if (old.hasNestedDefinitions()) {
            return null;
        }
        FrontMatter fm = FrontMatter.find(text);
        if (!Objects.equals(fm, old.frontMatter())) {
            return null;
        }
        int limit = Math.min(before.length(), text.length());
        int prefix = 0;
        while (prefix + STRIDE <= limit && before.regionMatches(prefix, text, prefix, STRIDE)) {
            prefix += STRIDE; // whole strides first: far fewer bounds checks than char by char
        }
        while (prefix < limit && before.charAt(prefix) == text.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix + STRIDE <= limit - prefix && before.regionMatches(before.length() - suffix - STRIDE, text,
                text.length() - suffix - STRIDE, STRIDE)) {
            suffix += STRIDE;
        }
        while (suffix < limit - prefix
                && before.charAt(before.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
            suffix++;
        }
        int delta = text.length() - before.length();
        int changedEnd = before.length() - suffix; // in the old text
        List<Node> blocks = old.blocks();
        int from = -1;
        int to = blocks.size();
        for (Heading h : old.headings()) {
            Node block = blocks.get(h.blockIndex());
            if (!isAtx(before, block)) {
                continue;
            }
            int start = Tree.start(block);
            if (start <= prefix && start >= old.bodyStart()) {
                from = h.blockIndex();
            } else if (start >= changedEnd) {
                to = h.blockIndex();
                break;
            }
        }
        if (from < 0) {
            return null;
        }
        int windowStart = Tree.start(blocks.get(from));
        boolean closed = to < blocks.size();
        int oldWindowEnd = closed ? Tree.start(blocks.get(to)) : before.length();
        int nextHeading = oldWindowEnd + delta;
        int windowEnd = closed ? lineEnd(text, nextHeading) : text.length();
        String window = text.substring(windowStart, windowEnd);
        if (window.contains("]:") || before.substring(windowStart, oldWindowEnd).contains("]:")) {
            return null; // the edit may add or remove a definition
        }
        // The card's definitions go first: an ATX heading after them starts the piece afresh.
        String definitions = old.definitions().isEmpty() ? "" : String.join("\n", old.definitions()) + "\n\n";
        Document piece = parser.parseBody(definitions + window);
        List<Node> parsed = new ArrayList<>();
        for (Node n = piece.getFirstChild(); n != null; n = n.getNext()) {
            if (Tree.start(n) >= definitions.length()) {
                parsed.add(n);
            }
        }
        int base = windowStart - definitions.length();
        if (parsed.isEmpty() || !isAtxAt(text, parsed.get(0), base, windowStart - base)) {
            return null;
        }
        if (closed) {
            Node last = parsed.remove(parsed.size() - 1);
            if (!isAtxAt(text, last, base, nextHeading - base)) {
                return null;
            }
        }
        int lineShift = lines.lineCount() - old.lines().lineCount();
        int windowLine = old.lines().lineOf(windowStart) - new LineIndex(definitions).lineCount() + 1;
        Document root = new Document();
        int toIndex = to;
        int fromIndex = from;
        exclusive.accept(() -> {
            for (int i = 0; i < fromIndex; i++) {
                root.appendChild(blocks.get(i)); // unlinks it from the old root
            }
            for (Node n : parsed) {
                shift(n, base, windowLine);
                root.appendChild(n);
            }
            for (int i = toIndex; i < blocks.size(); i++) {
                Node n = blocks.get(i);
                shift(n, delta, lineShift);
                root.appendChild(n);
            }
        });
        return CardParser.assemble(text, lines, fm, root, false);
    }

    /** An ATX heading block ({@code #} markers on one line), not a setext one, which can take lines above it. */
    private static boolean isAtx(String text, Node block) {
        return block instanceof org.commonmark.node.Heading && block.getSourceSpans().size() == 1
                && startsWithHash(text, Tree.start(block));
    }

    /** True when a block of the piece parsed at {@code base} is an ATX heading starting at {@code offset}. */
    private static boolean isAtxAt(String text, Node n, int base, int offset) {
        return n instanceof org.commonmark.node.Heading && n.getSourceSpans().size() == 1 && Tree.start(n) == offset
                && startsWithHash(text, base + offset);
    }

    private static boolean startsWithHash(String text, int lineStart) {
        int i = lineStart;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == '#';
    }

    private static int lineEnd(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static SourceSpan moved(SourceSpan s, int chars, int lines) {
        return SourceSpan.of(s.getLineIndex() + lines, s.getColumnIndex(), s.getInputIndex() + chars, s.getLength());
    }

    /** Moves a block and everything in it by {@code chars} and {@code lines}. */
    private static void shift(Node block, int chars, int lines) {
        if (chars == 0 && lines == 0) {
            return;
        }
        move(block, chars, lines);
        Tree.walk(block, n -> {
            move(n, chars, lines);
            return true;
        });
    }

    private static void move(Node n, int chars, int lines) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return;
        }
        if (spans.size() == 1) { // most nodes: no list of our own (the node copies it anyway)
            n.setSourceSpans(List.of(moved(spans.get(0), chars, lines)));
            return;
        }
        List<SourceSpan> moved = new ArrayList<>(spans.size());
        for (SourceSpan s : spans) {
            moved.add(moved(s, chars, lines));
        }
        n.setSourceSpans(moved);
    }
}
