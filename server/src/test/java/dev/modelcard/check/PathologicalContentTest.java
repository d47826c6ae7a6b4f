package dev.modelcard.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.features.Outlines;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.text.LineIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;

/**
 * Cards built to be slow or to break the parser: each is checked in linear time and bounded memory, with a
 * result. The time limits only catch hangs (each took 12 to 70 s before), they measure nothing.
 */
class PathologicalContentTest {
    private static final Duration HANG = Duration.ofSeconds(60);
    private static final String HEAD = "# Tiny Model\n\n## Model Details\n\nText.\n\n";

    private static CheckResult check(String text) {
        return assertTimeoutPreemptively(HANG, () -> CardAssert.CHECKER.check(text, new LineIndex(text), "czi",
                n -> false, () -> false));
    }

    private static Map<String, Long> codes(CheckResult r) {
        return r.findings().stream().collect(Collectors.groupingBy(f -> f.code().id(), Collectors.counting()));
    }

    private static int line(CheckResult r, Finding f) {
        return r.card().lines().lineOf(f.start());
    }

    @Test
    void fiftyThousandImageOpenersThenClosers() {
        CheckResult r = check(HEAD + "![".repeat(50_000) + "]".repeat(50_000) + "\n\nTODO\n");
        Finding todo = r.findings().stream().filter(f -> f.code() == Code.PLACEHOLDER).findFirst().orElseThrow();
        assertEquals(8, line(r, todo), "the card after the brackets is still read");
    }

    @Test
    void aFewImagesInAParagraphStayImages() {
        String text = HEAD + "![a](x.png) ![b](y.png) [![badge](b.svg)](https://example.org)\n";
        List<String> images = new ArrayList<>();
        dev.modelcard.markdown.Tree.walk(new dev.modelcard.markdown.CardParser().parse(text).root(), n -> {
            if (n instanceof org.commonmark.node.Image i) {
                images.add(i.getDestination());
            }
            return true;
        });
        assertEquals(List.of("x.png", "y.png", "b.svg"), images);
    }

    @Test
    void thirtyThousandDisableEnablePairs() {
        StringBuilder sb = new StringBuilder(Cards.CZI);
        for (int i = 0; i < 30_000; i++) {
            sb.append("\n<!-- modelcard-disable placeholder -->\nTODO\n<!-- modelcard-enable placeholder -->\n");
        }
        sb.append("\nTODO at the end\n");
        CheckResult r = check(sb.toString());
        assertEquals(Map.of("placeholder", 1L), codes(r), "each silenced TODO stays silent, the last is reported");
    }

    @Test
    void fiftyThousandMisspeltDisableComments() {
        CheckResult r = check(Cards.CZI + "\n<!-- modelcard-disable-next-line placeholdr -->\n".repeat(50_000));
        assertEquals(CardChecker.MAX_FINDINGS + 1, r.findings().size());
        assertTrue(r.findings().get(0).message().startsWith("Unknown rule \u201cplaceholdr\u201d in modelcard-disable-next-line; "
                + "did you mean \u201cplaceholder\u201d?"), r.findings().get(0).message());
    }

    @Test
    void aHundredThousandHeadingsAndTheirOutline() {
        String text = "# Tiny Model\n\n" + "## Model Details\n\n".repeat(100_000);
        CheckResult r = check(text);
        Finding last = r.findings().get(r.findings().size() - 1);
        assertEquals(CardChecker.MAX_FINDINGS + 1, r.findings().size());
        assertTrue(last.message().contains(" more findings from here on are not reported"), last.message());
        var symbols = assertTimeoutPreemptively(HANG, () -> Outlines.symbols(r, () -> false));
        assertEquals(1, symbols.size());
        assertEquals(100_000, symbols.get(0).getChildren().size());
        assertTimeoutPreemptively(HANG, () -> Outlines.folding(r.card(), () -> false));
    }

    @Test
    void aHundredThousandTodosAreCappedWithOneLastFindingSayingSo() {
        String text = Cards.CZI + "\nTODO\n".repeat(100_000);
        CheckResult r = check(text);
        assertEquals(CardChecker.MAX_FINDINGS + 1, r.findings().size());
        Finding last = r.findings().get(CardChecker.MAX_FINDINGS);
        assertEquals(Code.PLACEHOLDER, last.code());
        assertEquals("99000 more findings from here on are not reported: a card shows its first 1000. Fix these, "
                + "and the rest appear.", last.message());
        assertEquals(Cards.CZI.lines().count() + 1 + 2 * CardChecker.MAX_FINDINGS, line(r, last),
                "at the first finding left out");
    }

    @Test
    void aFiveMegabyteFrontMatterScalarIsRefusedBeforeItIsRead() {
        String text = "---\nx: " + "a".repeat(5_000_000) + "\n---\n" + Cards.CZI;
        CheckResult r = check(text);
        Finding fm = r.findings().get(0);
        assertEquals(Code.FRONT_MATTER, fm.code());
        assertEquals("Front matter is larger than 1 MiB; it was not read.", fm.message());
        assertEquals(List.of(0, 3), List.of(fm.start(), fm.end()));
    }

    @Test
    void aLongFrontMatterScalarUnderTheLimitIsReadInLinearTime() {
        CheckResult r = check("---\nx: " + "a".repeat(1_000_000) + "\n---\n" + Cards.CZI);
        assertEquals(Map.of(), codes(r));
    }

    @Test
    void frontMatterNestedTwoThousandLevelsIsAFindingNotACrash() {
        String[] nested = {"x: " + "[".repeat(2000) + "]".repeat(2000), "- ".repeat(2000) + "x",
            "x: " + "{a: ".repeat(2000) + "1" + "}".repeat(2000)};
        for (String yaml : nested) {
            CheckResult r = check("---\n" + yaml + "\n---\n" + Cards.CZI);
            assertEquals(1, r.findings().size(), yaml.substring(0, 10));
            Finding f = r.findings().get(0);
            assertEquals(Code.FRONT_MATTER, f.code());
            assertEquals(DiagnosticSeverity.Error, f.severity());
            assertEquals("Front matter is nested deeper than 64 levels; it was not read.", f.message());
            assertEquals(1, line(r, f));
        }
    }

    @Test
    void aParagraphOfFiftyThousandLinesStartingWithAPipe() {
        CheckResult r = check(Cards.CZI + "\n" + "| x\n".repeat(50_000) + "\nTODO\n");
        assertEquals(Map.of("placeholder", 1L), codes(r));
    }

    @Test
    void aTableOfMoreThanAMillionCellsIsReadAsText() {
        int cols = 20;
        StringBuilder sb = new StringBuilder(Cards.CZI).append("\n|").append("a|".repeat(cols)).append("\n|")
                .append("-|".repeat(cols)).append('\n');
        String row = "|" + "x|".repeat(cols) + "\n";
        sb.append(row.repeat(60_000)).append("\nTODO\n");
        CheckResult r = check(sb.toString());
        assertEquals(Map.of("placeholder", 1L), codes(r), "the card after the table is still checked");
    }

    /** A check that throws loses nothing of the others: it is logged, and the other checks' findings stand. */
    @Test
    void aFailingCheckLosesOnlyItself() {
        PlaceholderRule broken = new PlaceholderRule(PlaceholderRule.Kind.EMPHASIS, Pattern.compile("(x+x+)+y"),
                "(x+x+)+y", "hostile");
        CheckOptions options = new CheckOptions("czi", Map.of(), List.of(broken), List.of(), List.of());
        String card = Cards.CZI.replace("15 million.", "*" + "x".repeat(5000) + "* TODO").replace("### Citation\n",
                "### Citation\n*" + "x".repeat(3000) + "*\n");
        List<String> logged = new ArrayList<>();
        CheckResult r = assertTimeoutPreemptively(HANG, () -> new CardChecker(PackRegistry.bundled(),
                (m, e) -> logged.add(m)).check(card, new LineIndex(card), options, n -> false, () -> false));
        assertEquals(Map.of("placeholder", 1L), codes(r), "TODO is still found though the emphasis pattern was dropped");
        assertEquals(1, logged.size(), "logged once for the card: " + logged);
        assertTrue(logged.get(0).contains("emphasis: the pattern (x+x+)+y backtracks too much"), logged.get(0));
    }

    /** An accepting pattern is run for every placeholder; one budget per card, not a floor per match. */
    @Test
    void acceptPatternsShareOneBudgetPerCard() {
        CheckOptions options = new CheckOptions("czi", Map.of(), List.of(), List.of(Pattern.compile("(T+)+D")),
                List.of());
        String card = Cards.CZI + "\nTODO\n".repeat(3000);
        List<String> logged = new ArrayList<>();
        CheckResult r = assertTimeoutPreemptively(HANG, () -> new CardChecker(PackRegistry.bundled(),
                (m, e) -> logged.add(m)).check(card, new LineIndex(card), options, n -> false, () -> false));
        assertEquals(CardChecker.MAX_FINDINGS + 1, r.findings().size());
    }
}
