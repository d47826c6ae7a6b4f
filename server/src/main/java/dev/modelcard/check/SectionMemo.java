package dev.modelcard.check;

import dev.modelcard.markdown.Tree;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.commonmark.node.Node;

/**
 * Values computed per section of a card (the top-level blocks from a heading up to the next one, or those above
 * the first heading) and taken over by the next version of the card. A section whose blocks an edit did not touch
 * keeps the same nodes in the next version (see {@code CardParser}): the same first block, last block and number
 * of blocks say it is unchanged, and its value is moved with it instead of computed again.
 *
 * @param <T> the value; immutable
 */
final class SectionMemo<T> {
    /** @param context what the value depends on besides the section's blocks */
    private record Entry<T>(Node last, int size, Object context, int start, T value) {}

    private final Map<Node, Entry<T>> byFirstBlock;

    SectionMemo(int sections) {
        this.byFirstBlock = new IdentityHashMap<>(sections);
    }

    /**
     * The value of {@code blocks[from, to)}: the one {@code previous} holds for the same section and context,
     * moved by how far the section moved, else a new one.
     *
     * @param move a value moved by a number of chars
     */
    T take(SectionMemo<T> previous, List<Node> blocks, int from, int to, Object context, Supplier<T> compute,
            BiFunction<T, Integer, T> move) {
        Node first = blocks.get(from);
        Node last = blocks.get(to - 1);
        int start = Tree.start(first);
        Entry<T> old = previous == null ? null : previous.byFirstBlock.get(first);
        T value;
        if (old != null && old.last() == last && old.size() == to - from && Objects.equals(old.context(), context)) {
            value = start == old.start() ? old.value() : move.apply(old.value(), start - old.start());
        } else {
            value = compute.get();
        }
        byFirstBlock.put(first, new Entry<>(last, to - from, context, start, value));
        return value;
    }
}
