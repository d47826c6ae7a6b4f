package dev.modelcard.edits;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import java.util.List;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;

/** Where text goes in a card so that it lands in the template's place, and how it is spaced there. */
public final class Placement {
    private Placement() {}

    /** Where the text right under a heading ends: before the next heading of any level, or at the text end. */
    static int afterBody(CardDocument card, Heading h) {
        List<Heading> all = card.headings();
        return h.index() + 1 < all.size() ? before(card, all.get(h.index() + 1)) : card.text().length();
    }

    /**
     * The start of a heading's line, moved up over the HTML comments right above it (a template's banner such
     * as {@code <!-- TRAINING DETAILS SECTION -->} introduces the heading below it), but never over a
     * comment that directly follows a heading, which is that section's guidance.
     */
    public static int before(CardDocument card, Heading h) {
        int i = firstBlockOf(card, h);
        return card.lines().lineStart(card.lines().lineOf(Tree.start(card.blocks().get(i))));
    }

    /** The end of the last block of a heading's own text (its banner-free body), or of the heading itself. */
    public static int endOfBody(CardDocument card, Heading h) {
        List<Heading> headings = card.headings();
        int next = h.index() + 1 < headings.size() ? firstBlockOf(card, headings.get(h.index() + 1))
                : card.blocks().size();
        return Tree.end(card.blocks().get(Math.max(h.blockIndex(), next - 1)));
    }

    private static int firstBlockOf(CardDocument card, Heading h) {
        List<Node> blocks = card.blocks();
        int i = h.blockIndex();
        while (i >= 1 && isComment(blocks.get(i - 1))
                && (i < 2 || !(blocks.get(i - 2) instanceof org.commonmark.node.Heading))) {
            i--;
        }
        return i;
    }

    private static boolean isComment(Node n) {
        return n instanceof HtmlBlock html && html.getLiteral().stripLeading().startsWith("<!--");
    }

    /**
     * Inserts blocks (written with {@code \n}, ending in a blank line) at a line start or at the end of the
     * text, with exactly one blank line before them; at the end of the text the trailing blank line is dropped.
     */
    public static Edit insertBlocks(String text, int at, String blocks, String eol) {
        String before = text.substring(0, at);
        String lead;
        if (before.isBlank()) {
            lead = "";
        } else if (endsWithBlankLine(before)) {
            lead = "";
        } else if (before.endsWith("\n") || before.endsWith("\r")) {
            lead = "\n";
        } else {
            lead = "\n\n";
        }
        String body = at == text.length() ? blocks.stripTrailing() + "\n" : blocks;
        return Edit.insert(at, LineEnding.convert(lead + body, eol));
    }

    private static boolean endsWithBlankLine(String s) {
        int i = s.length();
        int breaks = 0;
        while (i > 0) {
            char c = s.charAt(i - 1);
            if (c == '\n') {
                breaks++;
                if (i >= 2 && s.charAt(i - 2) == '\r') {
                    i--;
                }
            } else if (c == '\r') {
                breaks++;
            } else if (c != ' ' && c != '\t') {
                break;
            }
            i--;
            if (breaks >= 2) {
                return true;
            }
        }
        return false;
    }
}
