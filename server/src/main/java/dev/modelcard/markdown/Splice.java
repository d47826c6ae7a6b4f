package dev.modelcard.markdown;

import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.commonmark.node.Document;
import org.commonmark.node.Node;

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
        String was = old.text();
        if (old.hasNestedDefinitions()) {
            return null;
        }
        FrontMatter fm = FrontMatter.find(text);
        if (!Objects.equals(fm, old.frontMatter())) {
            return null;
        }
        int limit = Math.min(was.length(), text.length());
        int prefix = 0;
        while (prefix + STRIDE <= limit && was.regionMatches(prefix, text, prefix, STRIDE)) {
            prefix += STRIDE; // whole strides first: far fewer bounds checks than char by char
        }
        while (prefix < limit && was.charAt(prefix) == text.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix + STRIDE <= limit - prefix && was.regionMatches(was.length() - suffix - STRIDE, text,
                text.length() - suffix - STRIDE, STRIDE)) {
            suffix += STRIDE;
        }
        while (suffix < limit - prefix
                && was.charAt(was.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
            suffix++;
        }
        int delta = text.length() - was.length();
        int changedEnd = was.length() - suffix; // in the old text
        List<Node> blocks = old.blocks();
        int from = -1;
        int to = blocks.size();
        for (Heading h : old.headings()) {
            Node block = blocks.get(h.blockIndex());
            if (!isAtx(was, block)) {
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
        int oldWindowEnd = closed ? Tree.start(blocks.get(to)) : was.length();
        int nextHeading = oldWindowEnd + delta;
        int windowEnd = closed ? lineEnd(text, nextHeading) : text.length();
        String window = text.substring(windowStart, windowEnd);
        if (window.contains("]:") || was.substring(windowStart, oldWindowEnd).contains("]:")) {
            return null; // the edit may add or remove a definition
        }
        // The card's definitions go first: an ATX heading after them starts the piece afresh. A piece without a
        // ']' holds no reference link, the only use of a definition: it is parsed alone.
        String definitions = old.definitions().isEmpty() || window.indexOf(']') < 0 ? ""
                : String.join("\n", old.definitions()) + "\n\n";
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
        int[] before = new int[from];
        for (int i = 0; i < from; i++) {
            before[i] = Root.shiftOf(blocks.get(i));
        }
        int[] after = new int[blocks.size() - to];
        for (int i = to; i < blocks.size(); i++) {
            after[i - to] = Root.shiftOf(blocks.get(i)) + delta;
        }
        Root root = new Root(blocks.size() - (to - from) + parsed.size());
        int toIndex = to;
        int fromIndex = from;
        exclusive.accept(() -> {
            for (int i = 0; i < fromIndex; i++) {
                root.append(blocks.get(i), before[i]); // unlinks it from the old root
            }
            for (Node n : parsed) {
                root.append(n, base);
            }
            for (int i = toIndex; i < blocks.size(); i++) {
                root.append(blocks.get(i), after[i - toIndex]);
            }
        });
        List<Node> spliced = new ArrayList<>(blocks.size() - (to - from) + parsed.size());
        spliced.addAll(blocks.subList(0, from));
        spliced.addAll(parsed);
        spliced.addAll(blocks.subList(to, blocks.size()));
        // The headings of the blocks kept are the old ones, those after the piece moved: only the piece's are new.
        List<Heading> headings = new ArrayList<>(old.headings().size());
        for (Heading h : old.headings()) {
            if (h.blockIndex() >= from) {
                break;
            }
            headings.add(h);
        }
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof org.commonmark.node.Heading h) {
                headings.add(CardParser.heading(text, h, headings.size(), from + i));
            }
        }
        int blockShift = parsed.size() - (to - from);
        for (Heading h : old.headings()) {
            if (h.blockIndex() >= to) {
                headings.add(h.moved(headings.size(), h.blockIndex() + blockShift, delta));
            }
        }
        CardDocument card = new CardDocument(text, lines, fm, root, List.copyOf(spliced), List.copyOf(headings), false);
        card.keepMetadata(old); // the front matter is the same
        return card;
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
}
