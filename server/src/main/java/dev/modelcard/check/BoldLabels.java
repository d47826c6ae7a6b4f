package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Titles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Subsections written as bold labels, as many real cards (and the CZI platform's own document template) do:
 * {@code **Model Architecture:** A 3D U-Net ...} at the start of a paragraph or list item under the section's
 * template parent. Only leaf sections without a heading of their own count; the label stands for the section.
 */
public final class BoldLabels {
    /**
     * A bold label that stands for a section.
     *
     * @param start offset of the label's first {@code *}
     * @param end offset just past its last {@code *}
     * @param empty nothing follows it: no text after the label, and no block before the next label or heading
     */
    public record Label(SectionRule section, int start, int end, boolean empty) {}

    private static final Pattern LEADING_COLON = Pattern.compile("^\\s*:");

    /**
     * A paragraph or list item of a section that starts with bold text: a label when its key names a leaf section
     * of the template section it sits in. What it is depends on the section's blocks alone.
     *
     * @param empty whether the label would be empty (see {@link Label#empty})
     */
    record Candidate(String key, int start, int end, boolean empty) {
        Candidate moved(int by) {
            return new Candidate(key, start + by, end + by, empty);
        }
    }

    private BoldLabels() {}

    /** The candidates among {@code blocks[from, to)}, the blocks of one section after its heading. */
    static List<Candidate> candidates(List<Node> blocks, int from, int to) {
        List<Candidate> out = new ArrayList<>();
        for (int b = from; b < to; b++) {
            Node block = blocks.get(b);
            int at = b;
            if (block instanceof Paragraph p) {
                candidate(p, () -> !followedByContent(blocks, at, to), out);
            } else if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem li && li.getFirstChild() instanceof Paragraph p) {
                        boolean last = item.getNext() == null;
                        candidate(p, () -> !hasContentAfter(p) && !(last && followedByContent(blocks, at, to)), out);
                    }
                }
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    private static void candidate(Paragraph p, BooleanSupplier emptyAfter, List<Candidate> out) {
        if (!(p.getFirstChild() instanceof StrongEmphasis strong) || Tree.start(strong) < 0) {
            return;
        }
        String text = Tree.plainText(strong).strip();
        if (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1);
        }
        out.add(new Candidate(Titles.key(text), Tree.start(strong), Tree.end(strong),
                !inlineAfter(strong) && emptyAfter.getAsBoolean()));
    }

    /**
     * The labels of the card: each candidate in a section under a template section with subsections (its
     * heading's, or its nearest matched ancestor's) names the first leaf child of that section with its key
     * that has no heading and no earlier label.
     *
     * @param candidates each heading's candidates, by heading index
     */
    static Map<String, Label> find(CardDocument card, RulePack pack, Outline outline,
            List<List<Candidate>> candidates) {
        Map<String, Label> out = new HashMap<>();
        for (Heading h : card.headings()) {
            List<Candidate> found = candidates.get(h.index());
            if (found.isEmpty()) {
                continue;
            }
            SectionRule under = under(outline, h);
            if (under == null || under.children().isEmpty()) {
                continue;
            }
            for (Candidate c : found) {
                for (SectionRule s : pack.sectionsByKey(c.key())) {
                    if (s.children().isEmpty() && pack.parent(s).orElse(null) == under && !outline.isPresent(s)
                            && !out.containsKey(s.id())) {
                        out.put(s.id(), new Label(s, c.start(), c.end(), c.empty()));
                        break;
                    }
                }
            }
        }
        return out;
    }

    /** The template section a heading's blocks sit in: its own, or the nearest matched heading's above it. */
    private static SectionRule under(Outline outline, Heading h) {
        SectionRule s = outline.sectionOf(h);
        if (s != null) {
            return s;
        }
        Heading a = outline.matchedAncestor(h);
        return a == null ? null : outline.sectionOf(a);
    }

    /** True when the label's paragraph goes on after it with more than a colon. */
    private static boolean inlineAfter(StrongEmphasis strong) {
        for (Node n = strong.getNext(); n != null; n = n.getNext()) {
            boolean blank = n instanceof SoftLineBreak || n instanceof HardLineBreak
                    || n instanceof Text t && LEADING_COLON.matcher(t.getLiteral()).replaceFirst("").isBlank();
            if (!blank) {
                return true;
            }
        }
        return false;
    }

    /** True when a list item holds more blocks than its first paragraph (a nested list, say). */
    private static boolean hasContentAfter(Paragraph p) {
        for (Node n = p.getNext(); n != null; n = n.getNext()) {
            if (Content.isContent(n)) {
                return true;
            }
        }
        return false;
    }

    /** True when a block is followed by content before the section's end or the next bold label. */
    private static boolean followedByContent(List<Node> blocks, int b, int to) {
        for (int i = b + 1; i < to; i++) {
            Node n = blocks.get(i);
            if (startsWithLabel(n)) {
                return false;
            }
            if (Content.isContent(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithLabel(Node block) {
        Node first = block instanceof ListBlock list && list.getFirstChild() != null
                ? list.getFirstChild().getFirstChild() : block;
        return first instanceof Paragraph p && p.getFirstChild() instanceof StrongEmphasis;
    }
}
