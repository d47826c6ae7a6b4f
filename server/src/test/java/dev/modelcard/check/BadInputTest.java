package dev.modelcard.check;

import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile or broken text gets an answer, never an exception or a hang. Time limits here only catch hangs. */
class BadInputTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    @Test
    void nulCharactersAndBinaryJunk() {
        byte[] junk = new byte[200_000];
        new Random(7).nextBytes(junk);
        String text = new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1) + "\u0000\u0000";
        assertTimeoutPreemptively(HANG, () -> CardAssert.CHECKER.check(text, "czi", n -> false));
        testDiagnosticsFor(Cards.CZI.replace("15 million.", "15\u0000million TODO"), "czi",
                d(5, 11, 5, 15, "placeholder", W));
    }

    @Test
    void tenMegabyteCard() {
        StringBuilder sb = new StringBuilder(Cards.CZI);
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append("\n### Notes\n\nSome prose about the model, TODO and so on... with `code` and *emphasis*.\n");
        }
        CheckResult r = assertTimeoutPreemptively(HANG, () -> CardAssert.CHECKER.check(sb.toString(), null, n -> false));
        assertEquals("czi", r.pack().id());
        assertEquals(CardChecker.MAX_FINDINGS + 1, r.findings().size(), "capped, and the last one says so");
    }

    @Test
    void tenThousandNestedListItems() {
        String nested = "- ".repeat(10_000) + "TODO\n";
        String deepQuote = "> ".repeat(10_000) + "TBD\n";
        CheckResult r = assertTimeoutPreemptively(HANG,
                () -> CardAssert.CHECKER.check(Cards.CZI + "\n" + nested + "\n" + deepQuote, "czi", n -> false));
        assertEquals(2, r.findings().size());
        StringBuilder indented = new StringBuilder(Cards.CZI).append('\n');
        for (int i = 0; i < 10_000; i++) {
            indented.append("  ".repeat(i % 200)).append("- item ").append(i).append('\n');
        }
        assertTimeoutPreemptively(HANG, () -> CardAssert.CHECKER.check(indented.toString(), "czi", n -> false));
    }

    @Test
    void unclosedCodeFenceHidesTheRest() {
        // Everything after an unclosed fence is code, so the sections below it are missing, not placeholders.
        String card = Cards.CZI.replace("15 million.\n", "```\n...\n");
        assertEquals(true, CardAssert.diagnostics(card, "czi").stream()
                .allMatch(x -> x.getCode().getLeft().equals("missing-section")));
    }

    @Test
    void brokenFrontMatterStillChecksTheBody() {
        String card = "---\n: : :\n  - [\n---\n" + Cards.CZI.replace("15 million.", "TBD");
        assertEquals(java.util.List.of("front-matter", "placeholder"), CardAssert.diagnostics(card, "czi").stream()
                .map(x -> x.getCode().getLeft()).toList());
    }
}
