package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Titles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
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

    private BoldLabels() {}

    static Map<String, Label> find(CardDocument card, RulePack pack, Outline outline) {
        Map<String, Label> out = new HashMap<>();
        List<Node> blocks = card.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            Node block = blocks.get(b);
            SectionRule under = under(card, outline, Tree.start(block));
            if (under == null || under.children().isEmpty()) {
                continue;
            }
            int at = b;
            if (block instanceof Paragraph p) {
                label(pack, outline, under, p, () -> !followedByContent(card, blocks, at), out);
            } else if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem li && li.getFirstChild() instanceof Paragraph p) {
                        boolean last = item.getNext() == null;
                        label(pack, outline, under, p, () -> !hasContentAfter(p)
                                && !(last && followedByContent(card, blocks, at)), out);
                    }
                }
            }
        }
        return out;
    }

    /** The template section a block sits in: its heading's, or the nearest matched heading's above it. */
    private static SectionRule under(CardDocument card, Outline outline, int offset) {
        Heading h = offset < 0 ? null : card.headingBefore(offset);
        if (h == null) {
            return null;
        }
        SectionRule s = outline.sectionOf(h);
        if (s != null) {
            return s;
        }
        Heading a = outline.matchedAncestor(h);
        return a == null ? null : outline.sectionOf(a);
    }

    private static void label(RulePack pack, Outline outline, SectionRule under, Paragraph p,
            BooleanSupplier emptyAfter, Map<String, Label> out) {
        if (!(p.getFirstChild() instanceof StrongEmphasis strong) || Tree.start(strong) < 0) {
            return;
        }
        String text = Tree.plainText(strong).strip();
        if (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1);
        }
        String key = Titles.key(text);
        for (SectionRule s : pack.sectionsByKey(key)) {
            if (s.children().isEmpty() && pack.parent(s).orElse(null) == under && !outline.isPresent(s)
                    && !out.containsKey(s.id())) {
                boolean empty = !inlineAfter(strong) && emptyAfter.getAsBoolean();
                out.put(s.id(), new Label(s, Tree.start(strong), Tree.end(strong), empty));
                return;
            }
        }
    }

    /** True when the label's paragraph goes on after it with more than a colon. */
    private static boolean inlineAfter(StrongEmphasis strong) {
        for (Node n = strong.getNext(); n != null; n = n.getNext()) {
            boolean blank = n instanceof SoftLineBreak || n instanceof HardLineBreak
                    || n instanceof Text t && t.getLiteral().replaceFirst("^\\s*:", "").isBlank();
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

    /** True when a block is followed by content before the next heading or the next bold label. */
    private static boolean followedByContent(CardDocument card, List<Node> blocks, int b) {
        for (int i = b + 1; i < blocks.size(); i++) {
            Node n = blocks.get(i);
            if (n instanceof org.commonmark.node.Heading || startsWithLabel(n)) {
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
