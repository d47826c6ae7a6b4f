package dev.modelcard.edits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.check.CheckResult;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each quick fix and source action as exact edits: {@code "line:col-line:col → text"}. */
class QuickFixesTest {
    private static final String PROCEDURE_GUIDANCE = "<!-- Briefly describe the training approach including data "
            + "pre-processing steps (e.g., steps taken to clean and preprocess the data, detail tokenization, "
            + "modality dependent resizing/rewriting) -->";

    private static CheckResult check(String text, String template) {
        return CardAssert.CHECKER.check(text, template, n -> false);
    }

    /** The fixes of the findings of one code, as "title: edits". */
    private static List<String> fixes(String text, String template, String code) {
        CheckResult r = check(text, template);
        return r.findings().stream().filter(f -> f.code().id().equals(code))
                .flatMap(f -> QuickFixes.of(r, f).stream())
                .map(fix -> show(r, fix)).toList();
    }

    static String show(CheckResult r, Fix fix) {
        return fix.title() + ": " + fix.edits().stream().map(e -> {
            return at(r, e.start()) + "-" + at(r, e.end()) + " \u2192 " + e.text();
        }).collect(Collectors.joining(" | "));
    }

    private static String at(CheckResult r, int offset) {
        int[] p = r.card().lines().position(offset);
        return p[0] + ":" + p[1];
    }

    private static String without(String text, String... lines) {
        for (String line : lines) {
            text = text.replace(line + "\n", "");
        }
        return text;
    }

    @Test
    void aMissingSectionGoesBeforeTheNextTemplateSectionWithItsGuidance() {
        String card = without(Cards.CZI, "### Training Procedure", "Adam, 10 epochs.");
        assertEquals(List.of("Insert section \u201cTraining Procedure\u201d (### Training Procedure): 15:0-15:0 \u2192 "
                + "\n### Training Procedure\n\n" + PROCEDURE_GUIDANCE + "\n\n"),
                fixes(card, "czi", "missing-section"));
    }

    @Test
    void insertedTextKeepsTheCardsCrlfLineEndings() {
        String card = without(Cards.CZI, "### Training Procedure", "Adam, 10 epochs.").replace("\n", "\r\n");
        assertEquals(List.of("Insert section \u201cTraining Procedure\u201d (### Training Procedure): 15:0-15:0 \u2192 "
                + "\r\n### Training Procedure\r\n\r\n" + PROCEDURE_GUIDANCE + "\r\n\r\n"),
                fixes(card, "czi", "missing-section"));
    }

    @Test
    void aMissingParentGoesAboveItsSubsectionsAndBringsItsMissingOnes() {
        String card = without(Cards.CZI, "## Performance Metrics", "### Metrics", "Macro F1.");
        List<String> fixes = fixes(card, "czi", "missing-section");
        assertEquals(1, fixes.size(), fixes.toString());
        assertEquals("Insert section \u201cPerformance Metrics\u201d (## Performance Metrics): 19:0-19:0 \u2192 \n"
                + "## Performance Metrics\n\n<!-- This section describes the evaluation protocols, what is being "
                + "measured in the evaluation, and provides the results. -->\n\n### Metrics\n\n<!-- List evaluation "
                + "metrics used and the rationale for using them along with links where applicable. If this model "
                + "was benchmarked against existing models, list them here and explain the rationale for "
                + "comparison.\n\nFor example: \"The model was evaluated using a range of benchmarks to measure its "
                + "performance. Key metrics include: [metrics].\" -->\n\n", fixes.get(0));
    }

    @Test
    void theLastMissingSectionGoesAtTheEnd() {
        String card = without(Cards.CZI, "### Limitations", "Human cells only.");
        assertEquals(List.of("Insert section \u201cLimitations\u201d (### Limitations): 31:0-31:0 \u2192 \n"
                + "### Limitations\n\n- The model may not perform well on general tasks.\n"),
                fixes(card, "czi", "missing-section"));
    }

    @Test
    void anEmptySectionIsFilledWithTheSuggestedText() {
        String card = without(Cards.CZI, "Clinical diagnosis.");
        assertEquals(List.of("Fill \u201cOut-of-Scope or Unauthorized Use Cases\u201d with the template's suggested "
                + "text: 11:42-11:42 \u2192 \n\nDo not use the model for the following purposes:\n\n- Use that "
                + "violates applicable laws, regulations (including trade compliance laws), or third party rights "
                + "such as privacy or intellectual property rights.\n- Any use that is prohibited by the [link to "
                + "model license] license.\n- Any use that is prohibited by the Acceptable Use Policy."),
                fixes(card, "czi", "empty-section"));
    }

    @Test
    void anEmptySectionWithoutSuggestedTextHasNoFix() {
        assertEquals(List.of(), fixes(without(Cards.CZI, "Macro F1."), "czi", "empty-section"));
    }

    @Test
    void aPlaceholderFillingItsLineIsReplacedByTheSuggestedText() {
        String card = Cards.CZI.replace("Clinical diagnosis.", "...");
        List<String> fixes = fixes(card, "czi", "placeholder");
        assertEquals(1, fixes.size());
        assertEquals("Replace with the template's suggested text: 12:0-12:3 \u2192 Do not use the model for the "
                + "following purposes:", fixes.get(0).substring(0, fixes.get(0).indexOf('\n')));
    }

    @Test
    void aPlaceholderInsideProseHasNoFix() {
        assertEquals(List.of(), fixes(Cards.CZI.replace("Clinical diagnosis.", "Clinical diagnosis. TODO"), "czi",
                "placeholder"));
    }

    @Test
    void aTemplateInstructionIsRemovedWithItsLine() {
        String card = Cards.BIOIMAGE.replace("## Downstream Use\n", "## Downstream Use\n\n*Explain how this model "
                + "can be fine-tuned or integrated into larger bioimage analysis pipelines.*\n\n");
        assertEquals(List.of("Remove the template instruction: 14:0-16:0 \u2192 "),
                fixes(card, "bioimage-io", "placeholder"));
    }

    @Test
    void aTemplateInstructionInsideALineIsRemovedWithOneSpace() {
        String card = Cards.BIOIMAGE.replace("Cell tracking pipelines.", "Cell tracking pipelines. *Explain how "
                + "this model can be fine-tuned or integrated into larger bioimage analysis pipelines.*");
        assertEquals(List.of("Remove the template instruction: 13:24-13:122 \u2192 "),
                fixes(card, "bioimage-io", "placeholder"));
    }

    @Test
    void aNearTitleIsRenamedToTheTemplatesTitleKeepingItsNumber() {
        String card = Cards.CZI.replace("## Biases, Risks, and Limitations", "## 5. Biases and Limitations");
        assertEquals(List.of("Rename to \u201cBiases, Risks, and Limitations\u201d (the template's title): "
                + "26:3-26:28 \u2192 5. Biases, Risks, and Limitations"), fixes(card, "czi", "section-title"));
        String renamed = card.replace("5. Biases and Limitations", "5. Biases, Risks, and Limitations");
        assertEquals(List.of(), check(renamed, "czi").findings());
    }

    /**
     * After "Insert section" the section is there to fill: the count moves from missing to to-fill. The inserted
     * guidance is an HTML comment, which is not itself flagged (a section with suggested text gets that instead).
     */
    @Test
    void insertingASectionMovesItFromMissingToToFill() {
        String card = Cards.CZI.replace("### Parameters\n15 million.\n", "");
        CheckResult before = check(card, "czi");
        assertEquals("CZI model card \u00b7 17 of 18 sections complete \u00b7 1 missing",
                dev.modelcard.features.Completeness.of(before).label());
        Fix insert = QuickFixes.of(before, before.findings().get(0)).get(0);
        String after = Edit.apply(card, insert.edits());
        assertEquals(List.of("empty-section"), check(after, "czi").findings().stream().map(f -> f.code().id()).toList());
        assertEquals("CZI model card \u00b7 17 of 18 sections complete \u00b7 1 to fill",
                dev.modelcard.features.Completeness.of(check(after, "czi")).label());
    }

    @Test
    void aHeadingAtTheWrongLevelGetsTheTemplatesLevel() {
        assertEquals(List.of("Make it a level-3 heading (### Citation): 6:0-6:4 \u2192 ###"),
                fixes(Cards.CZI.replace("### Citation", "#### Citation"), "czi", "heading-level"));
    }

    @Test
    void aLevelChangeThatWouldLoseASubsectionIsNotOffered() {
        // "Out-of-Scope Use" is the template's alias only under "Uses": a level-2 "Uses" would no longer hold it,
        // so only the subsection's own level is fixed.
        String card = "# Tiny Model\n\n# Uses\n\nResearch only.\n\n%s Out-of-Scope Use\n\nClinical diagnosis.\n";
        assertEquals(List.of("Make it a level-3 heading (### Out-of-Scope Use): 6:0-6:2 \u2192 ###"),
                fixes(card.formatted("##"), "czi", "heading-level"));
        assertEquals(List.of("Make it a level-2 heading (## Uses): 2:0-2:1 \u2192 ##"),
                fixes(card.formatted("###"), "czi", "heading-level"));
    }

    @Test
    void aSetextHeadingIsRewrittenAsAtx() {
        String card = Cards.CZI.replace("## Training Data\n", "\nTraining Data\n=============\n");
        assertEquals(List.of("Make it a level-2 heading (## Training Data): 14:0-15:13 \u2192 ## Training Data"),
                fixes(card, "czi", "heading-level"));
    }

    @Test
    void insertAllMissingSectionsIsOneEditPerPlaceInTemplateOrder() {
        String card = "# Tiny Model\n\n## Model Details\n\n### Model Architecture\n\nA transformer.\n\n"
                + "## Training Data\n\nAn atlas.\n";
        CheckResult r = check(card, "czi");
        Fix fix = SourceFixes.insertMissing(r).orElseThrow();
        assertEquals(Fix.INSERT_MISSING, fix.kind());
        assertEquals("Insert all missing sections (7)", fix.title());
        String after = Edit.apply(card, fix.edits());
        assertEquals(List.of("# Tiny Model", "## Model Details", "### Model Architecture", "### Parameters",
                "### Citation", "## Intended Use", "### Primary Use Cases",
                "### Out-of-Scope or Unauthorized Use Cases", "## Training Data", "### Training Procedure",
                "### Training Code", "## Performance Metrics", "### Metrics", "### Evaluation Datasets",
                "### Evaluation Results", "## Biases, Risks, and Limitations", "### Potential Biases", "### Risks",
                "### Limitations"), after.lines().filter(l -> l.startsWith("#")).toList());
        // What is left to write: the empty new sections, and the license link in the suggested out-of-scope text.
        CheckResult checked = check(after, "czi");
        assertEquals(List.of("placeholder 29:36-29:59"), checked.findings().stream()
                .filter(f -> !f.code().id().equals("empty-section"))
                .map(f -> f.code().id() + " " + at(checked, f.start()) + "-" + at(checked, f.end())).toList());
        assertEquals(2, fix.edits().size(), "one before Training Data, one at the end");
    }

    @Test
    void tableOfContentsIsRewrittenWithGitHubAnchors() {
        CheckResult r = check(Cards.BIOIMAGE, "bioimage-io");
        Fix fix = SourceFixes.tableOfContents(r).orElseThrow();
        assertEquals("Update table of contents: 2:19-3:33 \u2192 \n\n- [Model Details](#model-details)\n"
                + "- [Uses](#uses)\n- [Task Details](#task-details)\n"
                + "- [Bias, Risks, and Limitations](#bias-risks-and-limitations)\n"
                + "- [Training Details](#training-details)\n- [Evaluation](#evaluation)\n"
                + "- [Environmental Impact](#environmental-impact)\n"
                + "- [Technical Specifications](#technical-specifications)\n"
                + "- [How to Get Started with the Model](#how-to-get-started-with-the-model)", show(r, fix));
        assertEquals(java.util.Optional.empty(),
                SourceFixes.tableOfContents(check(Edit.apply(Cards.BIOIMAGE, fix.edits()), "bioimage-io")));
    }

    @Test
    void aMissingTableOfContentsIsInsertedInItsPlace() {
        String card = without(Cards.BIOIMAGE, "# Table of Contents", "- [Model Details](#model-details)");
        Fix fix = SourceFixes.tableOfContents(check(card, "bioimage-io")).orElseThrow();
        assertEquals("Insert table of contents", fix.title());
        String after = Edit.apply(card, fix.edits());
        assertEquals("# Nuclei U-Net\nSegments nuclei in 2D fluorescence images.\n\n# Table of Contents\n\n"
                + "- [Model Details](#model-details)\n", after.substring(0, after.indexOf("- [Uses]")));
    }

    @Test
    void repeatedHeadingsGetNumberedAnchors() {
        Anchors a = new Anchors();
        assertEquals(List.of("usage", "usage-1", "q--a", "café-naïve", "usage-2"),
                List.of(a.next("Usage"), a.next("Usage"), a.next("Q & A"), a.next("Café: naïve!"), a.next("Usage")));
    }

    @Test
    void aCompleteCardHasNoSourceActions() {
        CheckResult r = check(Cards.CZI, "czi");
        assertEquals(java.util.Optional.empty(), SourceFixes.insertMissing(r));
        assertEquals(java.util.Optional.empty(), SourceFixes.tableOfContents(r), "CZI has no table of contents");
    }

    private static List<String> disableFixes(String text, String code) {
        CheckResult r = check(text, "czi");
        return r.findings().stream().filter(f -> f.code().id().equals(code))
                .flatMap(f -> DisableFixes.of(r, f).stream()).map(fix -> show(r, fix)).toList();
    }

    @Test
    void disableFixesWriteTheCommentsWithTheCardsLineEndings() {
        String card = ("---\ntitle: x\n---\n" + Cards.CZI.replace("15 million.", "  TBD")).replace("\n", "\r\n");
        assertEquals(List.of(
                "Disable placeholder for this line: 8:0-8:0 \u2192   <!-- modelcard-disable-next-line placeholder -->\r\n",
                "Disable placeholder for this file: 3:0-3:0 \u2192 <!-- modelcard-disable-file placeholder -->\r\n\r\n"),
                disableFixes(card, "placeholder"));
    }

    @Test
    void disableForTheFileAddsTheCodeToTheCardsComment() {
        String card = "<!-- modelcard-disable-file heading-level -->\n" + Cards.CZI.replace("15 million.", "TBD");
        assertEquals("Disable placeholder for this file: 0:41-0:41 \u2192  placeholder",
                disableFixes(card, "placeholder").get(1));
    }
}
