package dev.modelcard.check;

import static dev.modelcard.CardAssert.I;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.covered;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.diagnostics;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cards written the way authors really write them from the CZI and BioImage templates: fields as bold labels,
 * titles worded a little differently, examples kept as their own statements, guidance pasted as text, forks of
 * the template with reworded instructions, and placeholders of one template left in a card of the other.
 */
class RealCardsTest {
    /** A CZI card whose subsections are bold labels, as the CZI platform's own document template writes them. */
    static final String CZI_LABELS = """
            # NucleiSeg-3D

            ## Model Details

            **Model Architecture:** A 3D U-Net with four resolution levels and residual blocks.

            **Parameters:** 31 million.

            **Citation:** Doe J. et al. (2025). NucleiSeg-3D. bioRxiv.

            ## Intended Use

            - **Primary Use Cases:** nuclei segmentation in light-sheet volumes.
            - **Out-of-Scope or Unauthorized Use Cases:** clinical diagnosis.

            ## Training Data

            1,200 annotated light-sheet volumes from three labs.

            **Training Procedure:** Adam, 200 epochs, random flips and rotations.

            **Training Code**: https://github.com/example/nucleiseg

            ## Performance Metrics

            **Metrics:** mean IoU and F1 at IoU 0.5.

            **Evaluation Datasets:** 120 held-out volumes.

            **Evaluation Results:** mean IoU 0.82, F1 0.91.

            ## Biases, Risks, and Limitations

            **Potential Biases:**

            - Most volumes come from mouse embryos.

            **Risks:**

            **Limitations:** Untested on tissue sections thicker than 200 µm.
            """;

    @Test
    void boldLabelsUnderTheirParentAreTheSectionsAndAnEmptyOneIsEmpty() {
        testDiagnosticsFor(CZI_LABELS, "czi", d(37, 0, 37, 10, "empty-section", W)); // **Risks:** and nothing
        assertEquals("**Risks:**", covered(CZI_LABELS, diagnostics(CZI_LABELS, "czi").get(0)));
    }

    @Test
    void aBoldLabelUnderAnotherParentIsNotTheSection() {
        String card = CZI_LABELS.replace("**Metrics:** mean IoU and F1 at IoU 0.5.\n\n", "")
                .replace("clinical diagnosis.\n", "clinical diagnosis.\n\n**Metrics:** mean IoU.\n");
        testDiagnosticsFor(card, "czi", d(25, 0, 25, 22, "missing-section", W), d(37, 0, 37, 10, "empty-section", W));
    }

    @Test
    void aBoldLabelFollowedByAListOrNestedListIsFilled() {
        String card = CZI_LABELS.replace("**Risks:**\n", "- **Risks:**\n  - Over-segmentation of dividing nuclei.\n");
        testDiagnosticsFor(card, "czi");
    }

    /** "Biases and Limitations" is "Biases, Risks, and Limitations" with a word left out. */
    static final String CZI_NEAR_TITLE = Cards.CZI.replace("## Biases, Risks, and Limitations",
            "## Biases and Limitations").replace("### Risks\nMisclassification of rare types.\n", "");

    @Test
    void aNearTitleIsTheSectionWithAHintAndItsMissingChildIsFound() {
        testDiagnosticsFor(CZI_NEAR_TITLE, "czi",
                d(26, 0, 26, 25, "missing-section", W),  // Risks, under the parent it is now seen under
                d(26, 3, 26, 25, "section-title", I));   // the title differs from the template's
        var r = CardAssert.CHECKER.check(CZI_NEAR_TITLE, "czi", n -> false);
        assertEquals("Heading \u201cBiases and Limitations\u201d is taken for the section \u201cBiases, Risks, and "
                + "Limitations\u201d of the CZI model card template, which titles it differently.",
                r.findings().get(1).message());
    }

    @Test
    void nearTitlesNeedMostOfTheWordsInOrderAtTheRightPlace() {
        // Two of three words, but in the other order: not the section.
        String swapped = Cards.CZI.replace("## Biases, Risks, and Limitations", "## Limitations and Biases");
        assertEquals(List.of("0:0-0:12 missing-section Warning modelcard"), shown(swapped));
        // The right words at the wrong place (under Model Details): not the section either.
        String misplaced = Cards.CZI.replace("### Parameters", "### Evaluation Dataset Results");
        assertEquals(List.of("1:0-1:16 missing-section Warning modelcard"), shown(misplaced));
    }

    @Test
    void twoDifferentSectionsAreNotMergedByAnAlias() {
        // "Model Overview" is an alias of "Model Details", but a card with both has two sections.
        String card = Cards.CZI.replace("## Model Details", "## Model Overview\nA foundation model of cell states.\n"
                + "## Model Details");
        testDiagnosticsFor(card, "czi");
        // Alone, it is the section.
        testDiagnosticsFor(Cards.CZI.replace("## Model Details", "## Model Overview"), "czi");
    }

    /** An author keeps the template's example bullets as their own statements: plain text, no italics. */
    @Test
    void examplesAdoptedAsContentAreNotPlaceholders() {
        String adopted = Cards.BIOIMAGE.replace("Electron microscopy.", "- Not suitable for diagnostic purposes.\n"
                + "- Not validated for different imaging modalities than training data.");
        testDiagnosticsFor(adopted, "bioimage-io");
        String italic = Cards.BIOIMAGE.replace("Electron microscopy.", "- *Not suitable for diagnostic purposes*");
        testDiagnosticsFor(italic, "bioimage-io", d(15, 2, 15, 40, "placeholder", W));
    }

    /** Subsections the template does not name fill their section; common aliases there are not template sections. */
    @Test
    void aSectionHoldingOnlyItsOwnSubsectionsIsNotEmpty() {
        String card = Cards.BIOIMAGE.replace("# How to Get Started with the Model\nInstall bioimageio.core and run "
                + "the model.\n", """
                # How to Get Started with the Model
                ## Installation
                pip install bioimageio.core
                ## Usage
                Run bioimageio predict on a folder of TIFF files.
                ## Hardware
                A laptop CPU is enough.
                """);
        testDiagnosticsFor(card, "bioimage-io");
        String czi = Cards.CZI.replace("## Training Data\nA public atlas of 1M cells.\n",
                "## Training Data\n#### Donors\nForty donors.\n#### Code\nSee below.\n");
        testDiagnosticsFor(czi, "czi");
    }

    @Test
    void guidancePastedAsTextIsAPlaceholder() {
        String card = Cards.CZI
                .replace("Doe et al. 2025.", "Provide citation information for users of the model\n\nDoe et al. 2025.")
                .replace("See the repository.", "*Provide links to training scripts*\n\nSee the repository.")
                .replace("## Biases, Risks, and Limitations\n", """
                        ## Biases, Risks, and Limitations
                        This section identifies potential harms, misunderstandings, and technical and limitations. \
                        It also provides information on warnings and potential mitigations. Suggestions are provided below.

                        We found two. Suggested language is provided below.

                        """);
        testDiagnosticsFor(card, "czi",
                d(7, 0, 7, 51, "placeholder", W),     // the Citation guidance, plain
                d(20, 0, 20, 35, "placeholder", W),   // the Training Code guidance, in italics
                d(31, 0, 31, 190, "placeholder", W),  // the whole Biases, Risks, and Limitations guidance
                d(33, 14, 33, 51, "placeholder", W)); // one pasted sentence after the author's own
        assertEquals("Suggested language is provided below.", covered(card, diagnostics(card, "czi").get(3)));
        // The quoted example wording of the Metrics guidance is the author's to adopt.
        testDiagnosticsFor(Cards.CZI.replace("Macro F1.", "The model was evaluated using a range of benchmarks to "
                + "measure its performance. Key metrics include: macro F1."), "czi");
    }

    /** Forks of the BioImage template change a word or two of its instructions. */
    @Test
    void rewordedInstructionsArePlaceholdersAndRealItalicProseIsNot() {
        String card = Cards.BIOIMAGE
                .replace("Segment nuclei.", "*Explain how the model can be used without fine-tuning for data "
                        + "analysis tasks. Provide examples images and/or videos for the data used to train the model, "
                        + "provide guidance on what type of data is required for the model to work.*\n\nSegment nuclei.")
                .replace("Trained on one lab's data.", "*Identify foreseeable harms, misunderstandings, and technical "
                        + "limitations specific to your scientific domain.*\n\nTrained on one lab's data.")
                .replace("HeLa cells dominate.", "*Describe the known biases of the model:*\n\nHeLa cells dominate.")
                .replace("Good on fluorescence.", "*Scores are averaged over five random seeds.*\n\nGood on fluorescence.");
        testDiagnosticsFor(card, "bioimage-io",
                d(11, 0, 11, 229, "placeholder", W),  // a word changed: "data analysis" for "bioimage analysis"
                d(21, 0, 21, 110, "placeholder", W),  // "specific to your scientific domain"
                d(25, 0, 25, 41, "placeholder", W));  // an italic colon line first under Known Biases
        assertEquals(List.of("*Identify foreseeable harms, misunderstandings, and technical limitations specific to "
                + "your scientific domain.*", "*Describe the known biases of the model:*"),
                diagnostics(card, "bioimage-io").subList(1, 3).stream().map(x -> covered(card, x)).toList());
    }

    /** What every template prints is a placeholder whichever template the card is checked against. */
    @Test
    void placeholdersEveryTemplateSharesAreFoundInAnyPack() {
        String card = Cards.CZI.replace("# Tiny Model", "# [Model Name]").replace("F1 0.91.", "F1 0.XX ± 0.XX")
                .replace("A held-out donor.", "[Describe the evaluation datasets here]")
                .replace("Human cells only.", "- *[Limitations of the model]*");
        testDiagnosticsFor(card, "czi",
                d(0, 2, 0, 14, "placeholder", W),
                d(23, 0, 23, 39, "placeholder", W),
                d(25, 3, 25, 14, "placeholder", W),
                d(32, 2, 32, 30, "placeholder", W));
        testDiagnosticsFor(Cards.CZI.replace("# Tiny Model", "# Model Card Template - Details"), "czi",
                d(0, 2, 0, 31, "placeholder", W));
        // A link, a task-list box, a reference and [TOC] are no hints.
        testDiagnosticsFor(Cards.CZI.replace("A held-out donor.", "[A held-out donor](https://example.org)\n\n"
                + "- [x] done\n\n[TOC]\n\n[1] Doe et al."), "czi");
    }

    private static List<String> shown(String card) {
        return diagnostics(card, "czi").stream().map(CardAssert::show).toList();
    }
}
