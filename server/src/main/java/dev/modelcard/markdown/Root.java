package dev.modelcard.markdown;

import java.util.IdentityHashMap;
import java.util.Map;
import org.commonmark.node.Document;
import org.commonmark.node.Node;

/**
 * The root of a card put together from the blocks of earlier versions and a re-parsed piece (see {@link Splice}).
 * Blocks keep the source spans they were parsed with; how far each top-level block has moved since is kept here,
 * so that an edit moves the blocks after it by one number each instead of rewriting every node's spans.
 * {@link Tree#start} and {@link Tree#end} add it; a span's own line and column are not kept up to date.
 */
final class Root extends Document {
    private final Map<Node, Integer> shifts;

    Root(int blocks) {
        this.shifts = new IdentityHashMap<>(blocks);
    }

    /** How far a top-level block's spans lie before its place in the text. */
    int shift(Node block) {
        Integer s = shifts.get(block);
        return s == null ? 0 : s;
    }

    /** Appends a block whose spans lie {@code shift} chars before its place in the text. */
    void append(Node block, int shift) {
        if (shift != 0) {
            shifts.put(block, shift);
        }
        appendChild(block);
    }

    /** The shift of a top-level block of any root: none in a root that a parse made. */
    static int shiftOf(Node block) {
        return block.getParent() instanceof Root r ? r.shift(block) : 0;
    }
}
