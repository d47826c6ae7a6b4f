package dev.modelcard.check;

import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.covered;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.diagnostics;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.Cards;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

class PlaceholderCheckTest {
    /** Replaces the Parameters content (line 5) of the complete CZI card. */
    private static String czi(String parameters) {
        return Cards.CZI.replace("15 million.\n", parameters);
    }

    /** The text each of the card's diagnostics against the CZI pack covers, in order. */
    private static void assertCovers(String card, String... texts) {
        assertEquals(List.of(texts), diagnostics(card, "czi").stream().map(x -> covered(card, x)).toList());
    }

    @Test
    void bareEllipsisLine() {
        testDiagnosticsFor(czi("...\n"), "czi", d(5, 0, 5, 3, "placeholder", W));
        assertEquals("Placeholder \u201c...\u201d left in \u201cParameters\u201d (bare ellipsis left where content "
                + "should go); replace it with this model's own content (CZI model card template).",
                diagnostics(czi("...\n"), "czi").get(0).getMessage());
    }

    @Test
    void commonPlaceholdersEachAtTheirRange() {
        String card = czi("TODO: count [More Information Needed] and TBD, {{ parameters_count | default('...') }}\n"
                + "More information needed\n\u2026\n");
        assertCovers(card, "TODO", "[More Information Needed]", "TBD", "{{ parameters_count | default('...') }}",
                "More information needed", "\u2026");
        testDiagnosticsFor(card, "czi",
                d(5, 0, 5, 4, "placeholder", W),
                d(5, 12, 5, 37, "placeholder", W),
                d(5, 42, 5, 45, "placeholder", W),
                d(5, 47, 5, 86, "placeholder", W),
                d(6, 0, 6, 23, "placeholder", W),
                d(7, 0, 7, 1, "placeholder", W));
    }

    /**
     * A pattern that starts with literal text is tried only where that text stands: each match is found as a scan
     * of every char finds it, back to back, overlapping its own leading text, and at the start of the searched prose.
     */
    @Test
    void patternsAreTriedWhereTheirLeadingTextStands() {
        String card = czi("{{a}}{{b}} and {{{c}}} then [Please include other data] or [Please include other [x]]\n"
                + "\n- [Describe the training data here]\n");
        assertCovers(card, "{{a}}", "{{b}}", "{{{c}}", "[Please include other data]", "[Please include other [x]",
                "[Describe the training data here]");
        testDiagnosticsFor(card, "czi",
                d(5, 0, 5, 5, "placeholder", W),
                d(5, 5, 5, 10, "placeholder", W),
                d(5, 15, 5, 21, "placeholder", W),
                d(5, 28, 5, 55, "placeholder", W),
                d(5, 59, 5, 84, "placeholder", W),
                d(7, 2, 7, 35, "placeholder", W));
    }

    @Test
    void neverInCodeHtmlOrLinkDestinations() {
        String card = czi("15 million, and so on...\n\n```python\nmodel = load(...)\n...\n# TODO\n```\n\n"
                + "    ...\n    TODO\n\nSee `TODO` and [the docs](https://example.org/TODO/...) and <https://x.org/TBD>."
                + "\n\n<!-- TODO: [More Information Needed] -->\n<div>TBD</div>\n\nFine prose... with dots.\n");
        testDiagnosticsFor(card, "czi");
    }

    @Test
    void linkTextIsProse() {
        testDiagnosticsFor(czi("[TODO](https://example.org)\n"), "czi", d(5, 1, 5, 5, "placeholder", W));
    }

    @Test
    void ellipsisAloneOnALineOfALongerParagraph() {
        testDiagnosticsFor(czi("15 million\n...\n"), "czi", d(6, 0, 6, 3, "placeholder", W));
    }

    @Test
    void bracketedItalicHintsIncludeTheirMarkers() {
        String card = Cards.BIOIMAGE.replace("- **Developed by:** Jane Doe, Example Institute",
                "- **Developed by:** *[Name(s), Institution(s)]*\n- **Funded by:** _[Funding agency]_");
        testDiagnosticsFor(card, "bioimage-io",
                d(6, 20, 6, 47, "placeholder", W),
                d(7, 17, 7, 35, "placeholder", W));
    }

    @Test
    void templateInstructionsInItalicsOrPlainAndExamples() {
        String card = Cards.BIOIMAGE.replace("Segment nuclei.\n",
                "*Explain how the model can be used without fine-tuning for bioimage analysis tasks. Provide examples "
                        + "images and/or videos for the data used to train the model, provide guidance on what type "
                        + "of data is required for the model to work.*\n\n"
                        + "Explain how this model can be fine-tuned or integrated into larger bioimage analysis "
                        + "pipelines.\n\n*Examples:*\n- *Not suitable for diagnostic purposes*\n\n"
                        + "Examples:\n- real use\n");
        List<Diagnostic> ds = diagnostics(card, "bioimage-io");
        assertEquals(List.of("placeholder", "placeholder", "placeholder", "placeholder"),
                ds.stream().map(x -> x.getCode().getLeft()).toList());
        assertEquals(List.of(11, 13, 15, 16), ds.stream().map(x -> x.getRange().getStart().getLine()).toList());
        assertEquals("*Examples:*", covered(card, ds.get(2)));
        assertEquals("*Not suitable for diagnostic purposes*", covered(card, ds.get(3)));
    }

    @Test
    void modelNamePlaceholderInTheTitleAndResultPlaceholdersInTables() {
        String card = Cards.BIOIMAGE.replace("# Nuclei U-Net", "# [Model Name]").replace("IoU 0.81.\n",
                "| Metric | Overall |\n|--------|---------|\n| IoU    | 0.XX \u00b1 0.XX |\n");
        testDiagnosticsFor(card, "bioimage-io",
                d(0, 2, 0, 14, "placeholder", W),
                d(50, 11, 50, 22, "placeholder", W));
    }

    @Test
    void templateTitleHeadingIsAnInstruction() {
        String card = "# Model Card Template\n\n" + Cards.BIOIMAGE;
        testDiagnosticsFor(card, "bioimage-io", d(0, 2, 0, 21, "placeholder", W));
    }

    @Test
    void templateNotesMeantToStayAreNotPlaceholders() {
        String card = Cards.BIOIMAGE.replace("- **Hardware Type:** 1 GPU\n", "- **Hardware Type:** 1 GPU\n\n"
                + "*Carbon emissions can be estimated using the [Machine Learning Impact calculator]"
                + "(https://mlco2.github.io/impact#compute)*\n").replace("- **IoU:** intersection over union\n",
                "- **IoU (Intersection over Union):** *Metric for evaluating segmentation quality*\n\n---\n\n"
                + "*This model card was created using the BioImage Model Zoo template, incorporating best practices "
                + "from the Hugging Face Model Card Template. For more information on contributing models, visit "
                + "[bioimage.io](https://bioimage.io).*\n");
        testDiagnosticsFor(card, "bioimage-io");
    }
}
