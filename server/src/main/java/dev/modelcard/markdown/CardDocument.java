package dev.modelcard.markdown;

import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;

/**
 * A parsed card: the text, its line index, the front matter, the CommonMark tree (source spans are offsets into
 * {@link #text()}) and the document-level headings. Immutable once built; safe to share between threads.
 */
public final class CardDocument {
    private final String text;
    private final LineIndex lines;
    private final FrontMatter frontMatter;
    private final Document root;
    private final List<Node> blocks;
    private final List<Heading> headings;
    private final int[] headingStarts;
    private volatile Metadata metadata;
    /** The link reference definitions at the top level, as written; they change how links anywhere parse. */
    private final List<String> definitions;
    /** Whether a definition sits inside a block quote or list, where {@link #definitions} does not see it. */
    private final boolean nestedDefinitions;

    /** @param nestedDefinitions whether definitions sit in containers, or null to find out */
    CardDocument(String text, LineIndex lines, FrontMatter frontMatter, Document root, List<Node> blocks,
            List<Heading> headings, Boolean nestedDefinitions) {
        this.text = text;
        this.lines = lines;
        this.frontMatter = frontMatter;
        this.root = root;
        this.blocks = blocks;
        this.headings = headings;
        this.headingStarts = new int[headings.size()];
        for (int i = 0; i < headingStarts.length; i++) {
            headingStarts[i] = headings.get(i).start();
        }
        List<String> defs = new ArrayList<>();
        for (Node b : blocks) {
            if (b instanceof LinkReferenceDefinition) {
                defs.add(text.substring(Tree.start(b), Tree.end(b)));
            }
        }
        this.definitions = List.copyOf(defs);
        this.nestedDefinitions = nestedDefinitions != null ? nestedDefinitions : hasNested(text, blocks);
    }

    List<String> definitions() {
        return definitions;
    }

    boolean hasNestedDefinitions() {
        return nestedDefinitions;
    }

    private static boolean hasNested(String text, List<Node> blocks) {
        if (!text.contains("]:")) {
            return false; // a definition needs its label's ']' right before the ':'
        }
        boolean[] found = {false};
        for (Node b : blocks) {
            if (b instanceof BlockQuote || b instanceof ListBlock) {
                Tree.walk(b, n -> {
                    found[0] |= n instanceof LinkReferenceDefinition;
                    return !found[0] && (n instanceof BlockQuote || n instanceof ListBlock || n instanceof ListItem);
                });
            }
        }
        return found[0];
    }

    public String text() {
        return text;
    }

    public LineIndex lines() {
        return lines;
    }

    /** The front matter, or null when the card has none. */
    public FrontMatter frontMatter() {
        return frontMatter;
    }

    /** The front matter read as YAML, on first use. */
    public Metadata metadata() {
        Metadata m = metadata;
        if (m == null) {
            m = Metadata.read(this);
            metadata = m;
        }
        return m;
    }

    /**
     * This card with one heading at another level, to ask what the change would do to the outline without
     * parsing the changed text (an ATX heading line stands alone: the blocks stay the same). Offsets after the
     * heading are those of this card.
     */
    public CardDocument withLevel(Heading heading, int level) {
        List<Heading> changed = new ArrayList<>(headings);
        Heading h = headings.get(heading.index());
        changed.set(h.index(), new Heading(h.index(), level, h.text(), h.start(), h.end(), h.textStart(), h.textEnd(),
                h.blockIndex()));
        return new CardDocument(text, lines, frontMatter, root, blocks, List.copyOf(changed), nestedDefinitions);
    }

    /** Takes over the YAML of an earlier version whose front matter is the same, when it was read. */
    void keepMetadata(CardDocument earlier) {
        Metadata m = earlier.metadata;
        if (m != null) {
            metadata = m.on(this);
        }
    }

    /**
     * The index just past the top-level blocks under heading {@code h} (by index; -1 for those above the first
     * heading): the next heading's block, or the number of blocks.
     */
    public int sectionEnd(int h) {
        return h + 1 < headings.size() ? headings.get(h + 1).blockIndex() : blocks.size();
    }

    /** Offset where the Markdown body starts (after a closed front matter block). */
    public int bodyStart() {
        return frontMatter != null && frontMatter.closed() ? frontMatter.end() : 0;
    }

    public Document root() {
        return root;
    }

    /** The top-level blocks, in order. */
    public List<Node> blocks() {
        return blocks;
    }

    /** The document-level headings, in order. */
    public List<Heading> headings() {
        return headings;
    }

    /** The last heading that starts at or before {@code offset}, or null when the offset is above every heading. */
    public Heading headingBefore(int offset) {
        int i = Arrays.binarySearch(headingStarts, offset);
        int at = i >= 0 ? i : -i - 2;
        return at < 0 ? null : headings.get(at);
    }
}
