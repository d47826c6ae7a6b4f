package dev.modelcard.check;

import static dev.modelcard.CardAssert.I;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card's own disable comments, each form, and the codes they misname. */
class InlineControlTest {
    /** Placeholders on lines 5 (Parameters) and 7 (Citation), and a wrong level on line 6. */
    private static final String CARD = Cards.CZI.replace("15 million.", "TBD").replace("### Citation", "#### Citation")
            .replace("Doe et al. 2025.", "TODO");

    @Test
    void withoutCommentsEverythingIsReported() {
        testDiagnosticsFor(CARD, "czi", d(5, 0, 5, 3, "placeholder", W), d(6, 0, 6, 13, "heading-level", I),
                d(7, 0, 7, 4, "placeholder", W));
    }

    @Test
    void disableNextLineSilencesOnlyTheNextLineAndOnlyItsCodes() {
        String card = CARD.replace("TBD\n", "TBD\n<!-- modelcard-disable-next-line placeholder -->\n")
                .replace("TODO", "<!-- modelcard-disable-next-line heading-level -->\nTODO");
        testDiagnosticsFor(card, "czi", d(5, 0, 5, 3, "placeholder", W), d(7, 0, 7, 13, "heading-level", I),
                d(9, 0, 9, 4, "placeholder", W));
    }

    @Test
    void disableAndEnableBracketARegion() {
        String card = CARD.replace("### Parameters", "<!-- modelcard-disable placeholder -->\n### Parameters")
                .replace("TODO", "<!-- modelcard-enable placeholder -->\nTODO");
        testDiagnosticsFor(card, "czi", d(7, 0, 7, 13, "heading-level", I), d(9, 0, 9, 4, "placeholder", W));
    }

    @Test
    void disableWithoutCodesSilencesEverythingUntilEnabledAgainCodeByCode() {
        String card = CARD.replace("### Parameters", "<!-- modelcard-disable -->\n### Parameters")
                .replace("TODO", "<!-- modelcard-enable placeholder -->\nTODO");
        testDiagnosticsFor(card, "czi", d(9, 0, 9, 4, "placeholder", W));
    }

    @Test
    void disableFileSilencesTheCodeEverywhereWhereverTheCommentIs() {
        testDiagnosticsFor(CARD + "\n<!-- modelcard-disable-file placeholder, heading-level -->\n", "czi");
        testDiagnosticsFor(CARD + "\nText <!-- modelcard-disable-file placeholder --> inline.\n", "czi",
                d(6, 0, 6, 13, "heading-level", I));
    }

    @Test
    void anUnknownCodeIsReportedAtItsRangeWithASuggestion() {
        String card = CARD + "\n<!-- modelcard-disable-file placeholders heading-level -->\n";
        testDiagnosticsFor(card, "czi", d(5, 0, 5, 3, "placeholder", W), d(7, 0, 7, 4, "placeholder", W),
                d(34, 28, 34, 40, "unknown-rule", W));
        assertEquals("Unknown rule \u201cplaceholders\u201d in modelcard-disable-file; did you mean \u201cplaceholder\u201d? "
                + "Known rules: missing-section, empty-section, placeholder, heading-level, duplicate-section, "
                + "section-order, section-title, front-matter, unknown-rule, metadata, metadata-key, metadata-unknown.",
                CardAssert.CHECKER.check(card, "czi", n -> false).findings().stream()
                        .filter(f -> f.code().id().equals("unknown-rule")).findFirst().orElseThrow().message());
    }

    /** A misspelt code alone must not widen the comment to every code, nor hide its own warning. */
    @Test
    void aCommentNamingOnlyUnknownCodesDisablesNothing() {
        String card = CARD.replace("### Parameters", "<!-- modelcard-disable placehodler -->\n### Parameters")
                + "\n<!-- modelcard-disable-file sectionorder, headinglevel -->\n";
        testDiagnosticsFor(card, "czi", d(4, 23, 4, 34, "unknown-rule", W), d(6, 0, 6, 3, "placeholder", W),
                d(7, 0, 7, 13, "heading-level", I), d(8, 0, 8, 4, "placeholder", W),
                d(35, 28, 35, 40, "unknown-rule", W), d(35, 42, 35, 54, "unknown-rule", W));
        List<String> messages = CardAssert.CHECKER.check(card, "czi", n -> false).findings().stream()
                .filter(f -> f.code().id().equals("unknown-rule")).map(f -> f.message().substring(0,
                        f.message().indexOf(" Known"))).toList();
        assertEquals(List.of("Unknown rule \u201cplacehodler\u201d in modelcard-disable; did you mean \u201cplaceholder\u201d?",
                "Unknown rule \u201csectionorder\u201d in modelcard-disable-file; did you mean \u201csection-order\u201d?",
                "Unknown rule \u201cheadinglevel\u201d in modelcard-disable-file; did you mean \u201cheading-level\u201d?"),
                messages);
    }

    @Test
    void commentsInCodeAreExamplesNotControl() {
        String card = CARD + "\n```\n<!-- modelcard-disable-file -->\n```\n";
        assertEquals(3, CardAssert.CHECKER.check(card, "czi", n -> false).findings().size());
    }

    @Test
    void configuredSeveritiesAndOffApplyBeforeComments() {
        var options = new CheckOptions("czi", java.util.Map.of(dev.modelcard.pack.Code.PLACEHOLDER,
                java.util.Optional.of(org.eclipse.lsp4j.DiagnosticSeverity.Error), dev.modelcard.pack.Code.HEADING_LEVEL,
                java.util.Optional.empty()), List.of(), List.of(java.util.regex.Pattern.compile("(?i)todo")), List.of());
        var r = CardAssert.CHECKER.check(CARD, new dev.modelcard.text.LineIndex(CARD), options, n -> false, () -> false);
        assertEquals(List.of("placeholder Error TBD"), r.findings().stream()
                .map(f -> f.code().id() + " " + f.severity() + " " + CARD.substring(f.start(), f.end())).toList());
    }
}
