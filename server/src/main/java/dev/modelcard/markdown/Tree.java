package dev.modelcard.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;

/** Helpers over CommonMark nodes. Walks are iterative: a card may nest lists ten thousand deep. */
public final class Tree {
    private Tree() {}

    /**
     * Offset of a node's first source char, or -1 when it has no span. Offsets are read here (and in {@link #end})
     * only: a block moved by an edit keeps its spans, and its root says how far it moved ({@link Root}).
     */
    public static int start(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        return spans.isEmpty() ? -1 : spans.get(0).getInputIndex() + shift(n);
    }

    /** Offset just past a node's last source char, or -1 when it has no span. */
    public static int end(Node n) {
        List<SourceSpan> spans = n.getSourceSpans();
        if (spans.isEmpty()) {
            return -1;
        }
        SourceSpan last = spans.get(spans.size() - 1);
        return last.getInputIndex() + last.getLength() + shift(n);
    }

    /** How far the top-level block that holds {@code n} has moved since it was parsed. */
    private static int shift(Node n) {
        Node top = n;
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Root r) {
                return r.shift(top);
            }
            top = p;
        }
        return 0;
    }

    /**
     * Visits {@code root}'s descendants depth first in document order. {@code visit} returns false to skip a
     * node's children.
     */
    public static void walk(Node root, Predicate<Node> visit) {
        Deque<Node> stack = new ArrayDeque<>();
        for (Node c = root.getLastChild(); c != null; c = c.getPrevious()) {
            stack.push(c);
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (visit.test(n)) {
                for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                    stack.push(c);
                }
            }
        }
    }

    /** As {@link #walk}, over each of {@code blocks} and what it holds. */
    public static void walkBlocks(List<Node> blocks, Predicate<Node> visit) {
        for (Node b : blocks) {
            if (visit.test(b)) {
                walk(b, visit);
            }
        }
    }

    /** The visible text of an inline container: text and code spans, line breaks as spaces, HTML left out. */
    public static String plainText(Node root) {
        StringBuilder sb = new StringBuilder();
        walk(root, n -> {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else if (n instanceof HtmlInline) {
                return false;
            }
            return true;
        });
        return sb.toString();
    }
}
