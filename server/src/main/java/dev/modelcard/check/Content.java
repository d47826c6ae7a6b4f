package dev.modelcard.check;

import java.util.regex.Pattern;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** What counts as a section's content: anything a reader sees, but not comments, rules or link definitions. */
final class Content {
    private static final Pattern COMMENTS = Pattern.compile("(?s)<!--.*?(-->|$)");

    private Content() {}

    static boolean isContent(Node block) {
        if (block instanceof ThematicBreak || block instanceof LinkReferenceDefinition) {
            return false;
        }
        if (block instanceof HtmlBlock html) {
            return !COMMENTS.matcher(html.getLiteral()).replaceAll("").isBlank();
        }
        if (block instanceof Paragraph p) {
            for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
                boolean blank = n instanceof SoftLineBreak || n instanceof HardLineBreak
                        || (n instanceof Text t && t.getLiteral().isBlank())
                        || (n instanceof HtmlInline h && h.getLiteral().startsWith("<!--"));
                if (!blank) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
