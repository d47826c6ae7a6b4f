package dev.modelcard.check;

import static dev.modelcard.CardAssert.E;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.covered;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.diagnostics;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.Cards;
import org.junit.jupiter.api.Test;

/** Ranges are UTF-16 columns on lines that break at LF, CRLF or CR; front matter shifts nothing. */
class PositionsTest {
    @Test
    void crlfRangesStopBeforeTheCarriageReturn() {
        String card = Cards.CZI.replace("### Parameters\n15 million.\n", "").replace("\n", "\r\n");
        testDiagnosticsFor(card, "czi", d(1, 0, 1, 16, "missing-section", W));
    }

    @Test
    void loneCarriageReturnsBreakLines() {
        String card = Cards.CZI.replace("15 million.\n", "...\n").replace("\n", "\r");
        testDiagnosticsFor(card, "czi", d(5, 0, 5, 3, "placeholder", W));
    }

    @Test
    void emojiCountTwoCodeUnitsCjkOneAndTabsOne() {
        String card = Cards.CZI.replace("15 million.\n", "\ud83e\uddec Dataset: TODO\n\u6570\u636e\u96c6\uff1aTBD\n"
                + "Size:\tTBD \ud83d\ude80 TODO\n");
        testDiagnosticsFor(card, "czi",
                d(5, 12, 5, 16, "placeholder", W),
                d(6, 4, 6, 7, "placeholder", W),
                d(7, 6, 7, 9, "placeholder", W),
                d(7, 13, 7, 17, "placeholder", W));
        diagnostics(card, "czi").forEach(x -> assertEquals(true, covered(card, x).matches("TODO|TBD")));
    }

    @Test
    void headingWithEmojiAndCjk() {
        String card = Cards.CZI.replace("### Parameters\n15 million.\n", "### Parameters \ud83e\uddee \u53c2\u6570\n\n");
        testDiagnosticsFor(card, "czi", d(1, 0, 1, 16, "missing-section", W));
        String empty = Cards.CZI.replace("### Parameters\n15 million.\n", "### \ud83e\uddee Parameters\n\n");
        testDiagnosticsFor(empty, "czi", d(4, 4, 4, 17, "empty-section", W));
    }

    @Test
    void frontMatterShiftsNothing() {
        String fm = "---\nlicense: mit\ntags: [biology, \"\ud83e\uddec\"]\n---\n";
        String card = fm + Cards.CZI.replace("15 million.\n", "TBD\n");
        testDiagnosticsFor(card, "czi", d(9, 0, 9, 3, "placeholder", W));
    }

    @Test
    void brokenFrontMatterIsReportedWhereTheParserStopped() {
        String card = "---\nlicense: mit\ntags: [\ud83e\uddec biology\nlanguage: en\n---\n" + Cards.CZI;
        testDiagnosticsFor(card, "czi", d(3, 8, 3, 12, "front-matter", E));
        assertEquals(true, diagnostics(card, "czi").get(0).getMessage().startsWith("Front matter is not valid YAML:"));
    }

    @Test
    void duplicateKeysInFrontMatter() {
        String card = "---\r\nlicense: mit\r\nlicense: apache-2.0\r\n---\r\n" + Cards.CZI.replace("\n", "\r\n");
        testDiagnosticsFor(card, "czi", d(2, 0, 2, 19, "front-matter", E));
    }

    @Test
    void unclosedFrontMatter() {
        String card = "---\nlicense: mit\n\n" + Cards.CZI;
        testDiagnosticsFor(card, "czi", d(0, 0, 0, 3, "front-matter", E));
    }
}
