package dev.modelcard.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

/** An edit re-parses the piece between the headings around it, with the card's link definitions where needed. */
class SpliceTest {
    private static final CardParser PARSER = new CardParser();
    private static final String CARD = "# Card\n\nSee [x].\n\n## Uses\n\nplain text\n\n## Limits\n\nmore\n\n"
            + "[x]: https://example.org\n";

    @Test
    void aPieceWithoutBracketsIsParsedWithoutTheDefinitionsAndEqualsAFullParse() {
        CardDocument old = PARSER.parse(CARD);
        Node firstBlock = old.blocks().get(0);
        String text = CARD.replace("plain text", "plain texts");
        CardDocument next = PARSER.parse(text, new LineIndex(text), old, Runnable::run);
        assertSame(firstBlock, next.blocks().get(0), "spliced, not parsed whole");
        assertEquals(nodes(PARSER.parse(text)), nodes(next));
        assertEquals(List.of("Link https://example.org"), links(next));
    }

    @Test
    void aReferenceLinkTypedInAPieceResolvesAgainstTheCardsDefinition() {
        CardDocument old = PARSER.parse(CARD);
        String text = CARD.replace("plain text", "plain [x] text");
        CardDocument next = PARSER.parse(text, new LineIndex(text), old, Runnable::run);
        assertEquals(nodes(PARSER.parse(text)), nodes(next));
        assertEquals(List.of("Link https://example.org", "Link https://example.org"), links(next));
    }

    private static List<String> links(CardDocument card) {
        List<String> out = new ArrayList<>();
        Tree.walk(card.root(), n -> {
            if (n instanceof Link l) {
                out.add("Link " + l.getDestination());
            }
            return true;
        });
        return out;
    }

    private static List<String> nodes(CardDocument card) {
        List<String> out = new ArrayList<>();
        Tree.walk(card.root(), n -> {
            out.add(n.getClass().getSimpleName() + " " + Tree.start(n) + ".." + Tree.end(n)
                    + (n instanceof Text t ? " " + t.getLiteral() : ""));
            return true;
        });
        return out;
    }
}
