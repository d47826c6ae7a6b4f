package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Titles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;

/**
 * Template instructions that a fork of the template reworded: an italic paragraph that is a template instruction
 * with a few words changed ("... for data analysis tasks"), or an italic line ending in a colon where the
 * template has its own ("*Describe the biases of your data:*" first under "Known Biases").
 *
 * <p>How near is near was measured on the templates, testdata/corpus, examples/ and 2,000 Hugging Face cards:
 * every italic paragraph of real prose there is at least 0.76 of its length (in word edits) away from every
 * instruction of six words or more, while rewordings seen in forks are at most 0.3 away. A third is the limit.
 */
final class Instructions {
    /** Word edits allowed, as a share of the longer text. */
    private static final double NEAR = 1.0 / 3;
    /** An italic line ending in a colon needs this many words to be taken for an instruction. */
    private static final int MIN_COLON_WORDS = 3;

    private Instructions() {}

    /** Why a paragraph is a reworded instruction, or null when it is not. */
    static String reworded(CheckContext ctx, Paragraph p) {
        String text = italicText(p);
        if (text == null) {
            return null;
        }
        String key = Titles.key(text);
        if (key.isEmpty() || ctx.pack().isInstructionKey(key)) {
            return null; // an exact instruction is reported as one
        }
        List<String> words = Words.of(key);
        Set<String> vocabulary = new HashSet<>(words);
        for (List<String> instruction : ctx.pack().longInstructions()) {
            int longer = Math.max(words.size(), instruction.size());
            if (Math.abs(words.size() - instruction.size()) > NEAR * longer) {
                continue;
            }
            int known = 0;
            for (String w : instruction) {
                known += vocabulary.contains(w) ? 1 : 0;
            }
            // Each instruction word the paragraph lacks costs at least one edit: a cheap bound before the distance.
            if (instruction.size() - known <= NEAR * longer && Words.distance(words, instruction) <= NEAR * longer) {
                return "template instruction, reworded";
            }
        }
        if (text.strip().endsWith(":") && words.size() >= MIN_COLON_WORDS && firstInSection(ctx, p)) {
            SectionRule s = section(ctx, p);
            for (String instruction : s == null ? List.<String>of() : s.instructions()) {
                if (instruction.strip().endsWith(":")
                        && Words.common(Words.content(key), Words.content(Titles.key(instruction))) > 0) {
                    return "template instruction in the template's place";
                }
            }
        }
        return null;
    }

    /**
     * The text of a top-level paragraph that is one italic span (a colon may follow it), or null. Only
     * top-level paragraphs: the template writes its instructions as their own paragraphs.
     */
    private static String italicText(Paragraph p) {
        if (!(p.getParent() instanceof Document) || !(p.getFirstChild() instanceof Emphasis e)) {
            return null;
        }
        Node next = e.getNext();
        if (next == null) {
            return Tree.plainText(e);
        }
        if (next instanceof Text t && next.getNext() == null && t.getLiteral().strip().equals(":")) {
            return Tree.plainText(e) + ":";
        }
        return null;
    }

    private static SectionRule section(CheckContext ctx, Paragraph p) {
        Heading h = ctx.card().headingBefore(Tree.start(p));
        return h == null ? null : ctx.outline().sectionOf(h);
    }

    /** True when nothing a reader sees comes between the paragraph and its heading. */
    private static boolean firstInSection(CheckContext ctx, Paragraph p) {
        Heading h = ctx.card().headingBefore(Tree.start(p));
        if (h == null) {
            return false;
        }
        List<Node> blocks = ctx.card().blocks();
        for (int b = h.blockIndex() + 1; b < blocks.size(); b++) {
            if (blocks.get(b) == p) {
                return true;
            }
            if (Content.isContent(blocks.get(b))) {
                return false;
            }
        }
        return false;
    }
}
