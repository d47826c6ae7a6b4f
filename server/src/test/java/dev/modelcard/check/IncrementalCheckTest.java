package dev.modelcard.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.CardParser;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.junit.jupiter.api.Test;

/**
 * Random edits on a large card: each version parsed and checked from the one before equals the full parse and
 * check of its text (the reference), node by node and finding by finding.
 */
class IncrementalCheckTest {
    private static final CardChecker CHECKER = new CardChecker(PackRegistry.bundled(), (m, e) -> {
        throw new AssertionError(m, e);
    });
    /** Pieces that open or close constructs across lines, besides ordinary text. */
    private static final String[] PIECES = {"x", "TODO ", "\n", "\n\n", "# ", "## New section\n", "#", "```",
        "```\n", "~~~", "<!--", "-->", "<!-- modelcard-disable placeholder -->", "- ", "1. ", "> ", "    ",
        "---\n", "===\n", "*", "_[hint]_", "| a | b |\n| - | - |\n", "<div>\n", "</div>", "{{ x }}", "\r\n", "\r",
        "[More Information Needed]", "Intended Use", "## Training Data\n", "see [x] and [x][]", "[More Information Needed][x]"};
    /** A link reference definition changes links anywhere: while the card has one, it is parsed whole. */
    private static final String DEFINITION = "\n[y]: /url\n";

    @Test
    void randomEditsOnALargeCardGiveWhatAFullCheckGives() throws IOException {
        String text = largeCard();
        Random random = new Random(12);
        CheckOptions options = CheckOptions.template("bioimage-io");
        CheckResult previous = CHECKER.check(text, new LineIndex(text), options, n -> false, () -> false);
        int incremental = 0;
        for (int step = 0; step < 120; step++) {
            int at = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), at + (random.nextInt(4) == 0 ? random.nextInt(40) : 0));
            String insert = random.nextInt(3) == 0 ? "" : PIECES[random.nextInt(PIECES.length)];
            text = text.substring(0, at) + insert + text.substring(end);
            if (step == 60) {
                text = text.substring(0, at) + DEFINITION + text.substring(at);
            } else if (step == 65) {
                text = text.replace(DEFINITION, "");
            }
            LineIndex lines = new LineIndex(text);
            CardDocument before = previous.card();
            CheckResult next = CHECKER.check(text, lines, options, n -> false, () -> false, previous, Runnable::run);
            CheckResult full = CHECKER.check(text, lines, options, n -> false, () -> false);
            String where = "step " + step + ": edit at " + at + ".." + end + " inserting " + show(insert);
            assertEquals(dump(full.card()), dump(next.card()), where);
            assertEquals(full.card().headings(), next.card().headings(), where);
            assertEquals(full.findings(), next.findings(), where);
            if (next.card().blocks().size() > 1 && before.blocks().contains(next.card().blocks().get(0))) {
                incremental++;
            }
            previous = next;
        }
        // Most edits must take the incremental path, else this test would only compare full parses.
        assertTrue(incremental > 60, "incremental re-parses: " + incremental);
    }

    /**
     * The first corpus cards one after another, about 90 KB, with front matter from the first and a link reference
     * definition that links in the card resolve against.
     */
    private static String largeCard() throws IOException {
        Path corpus = Path.of(System.getProperty("modelcard.repo", ".."), "testdata", "corpus");
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path p : files.sorted().toList()) {
                if (sb.length() > 80_000) {
                    break;
                }
                String card = Files.readString(p);
                sb.append(sb.length() == 0 ? card : card.replaceFirst("(?s)^---\\R.*?\\R---\\R", "")).append("\n");
            }
        }
        return sb.append("\n[x]: https://example.org\n").toString();
    }

    /** Every node with its kind, place, source span lengths and literal text, in document order. */
    private static List<String> dump(CardDocument card) {
        List<String> out = new ArrayList<>();
        Tree.walk(card.root(), n -> {
            out.add(describe(n));
            return true;
        });
        return out;
    }

    private static String describe(Node n) {
        StringBuilder sb = new StringBuilder(n.getClass().getSimpleName()).append(' ').append(Tree.start(n))
                .append("..").append(Tree.end(n));
        for (SourceSpan s : n.getSourceSpans()) {
            sb.append(" +").append(s.getLength());
        }
        String literal = n instanceof Text t ? t.getLiteral() : n instanceof Code c ? c.getLiteral()
                : n instanceof HtmlInline h ? h.getLiteral() : n instanceof HtmlBlock h ? h.getLiteral()
                : n instanceof FencedCodeBlock f ? f.getLiteral() : n instanceof Heading h ? "h" + h.getLevel() : "";
        return sb.append(' ').append(show(literal)).toString();
    }

    private static String show(String s) {
        return "'" + s.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
