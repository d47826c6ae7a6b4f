package dev.modelcard.markdown;

import dev.modelcard.text.LineIndex;
import java.util.Arrays;
import java.util.List;
import org.commonmark.node.Document;
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

    CardDocument(String text, LineIndex lines, FrontMatter frontMatter, Document root, List<Node> blocks,
            List<Heading> headings) {
        this.text = text;
        this.lines = lines;
        this.frontMatter = frontMatter;
        this.root = root;
        this.blocks = blocks;
        this.headings = headings;
        this.headingStarts = headings.stream().mapToInt(Heading::start).toArray();
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
