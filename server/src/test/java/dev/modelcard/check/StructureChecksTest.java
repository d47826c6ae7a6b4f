package dev.modelcard.check;

import static dev.modelcard.CardAssert.I;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.CardAssert.diagnostics;
import static dev.modelcard.CardAssert.testDiagnosticsFor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.Cards;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** missing-section, empty-section, heading-level, duplicate-section and section-order on small cards. */
class StructureChecksTest {
    private static final String CZI = Cards.CZI;

    @Test
    void completeCardsHaveNoDiagnostics() {
        testDiagnosticsFor(CZI, "czi");
        testDiagnosticsFor(CZI, null);
        testDiagnosticsFor(Cards.BIOIMAGE, "bioimage-io");
        testDiagnosticsFor(Cards.BIOIMAGE, null);
    }

    @Test
    void missingChildIsReportedAtItsParentHeading() {
        testDiagnosticsFor(CZI.replace("### Parameters\n15 million.\n", ""), "czi",
                d(1, 0, 1, 16, "missing-section", W));
    }

    @Test
    void missingParentIsReportedOnceAtTheTitle() {
        String card = CZI.replace("## Performance Metrics\n### Metrics\nMacro F1.\n### Evaluation Datasets\n"
                + "A held-out donor.\n### Evaluation Results\nF1 0.91.\n", "");
        testDiagnosticsFor(card, "czi", d(0, 0, 0, 12, "missing-section", W));
        assertEquals("Missing section \u201cPerformance Metrics\u201d (## Performance Metrics), required by the CZI "
                + "model card template.", diagnostics(card, "czi").get(0).getMessage());
    }

    @Test
    void missingRecommendedSectionInformsAndOptionalSaysNothing() {
        String card = CZI.replace("### Training Code\nSee the repository.\n", "");
        testDiagnosticsFor(card, "czi", d(13, 0, 13, 16, "missing-section", I));
        assertEquals("Missing section \u201cTraining Code\u201d (### Training Code) under \u201cTraining Data\u201d, "
                + "recommended by the CZI model card template.", diagnostics(card, "czi").get(0).getMessage());
    }

    @Test
    void withoutATitleTopLevelSectionsAreReportedAtTheFirstLine() {
        String card = CZI.replace("# Tiny Model\n", "\n  Some intro.  \n").replace("## Intended Use\n", "")
                .replace("### Primary Use Cases\nCell type classification.\n", "")
                .replace("### Out-of-Scope or Unauthorized Use Cases\nClinical diagnosis.\n", "");
        testDiagnosticsFor(card, "czi", d(1, 2, 1, 13, "missing-section", W));
    }

    @Test
    void sectionWithOnlyACommentIsEmpty() {
        String card = CZI.replace("15 million.\n", "<!-- Number of parameters (e.g., 15 million) -->\n\n");
        testDiagnosticsFor(card, "czi", d(4, 4, 4, 14, "empty-section", W));
        assertEquals("Section \u201cParameters\u201d is empty; the CZI model card template requires it.",
                diagnostics(card, "czi").get(0).getMessage());
    }

    @Test
    void emptyParentWithEmptyChildrenIsReportedOnceAtTheParent() {
        String card = CZI.replace("Macro F1.\n", "\n").replace("A held-out donor.\n", "<!-- later -->\n")
                .replace("F1 0.91.\n", "---\n");
        testDiagnosticsFor(card, "czi", d(19, 3, 19, 22, "empty-section", W));
    }

    @Test
    void aSubsectionWithContentKeepsItsParentFromBeingEmpty() {
        testDiagnosticsFor(CZI.replace("Macro F1.\n", "\n").replace("A held-out donor.\n", "\n"), "czi",
                d(20, 4, 20, 11, "empty-section", W),
                d(22, 4, 22, 23, "empty-section", W));
    }

    @Test
    void aDeeperHeadingOfAnotherTemplateSectionEndsTheSection() {
        // BioImage's Glossary is a level-2 heading after the level-1 "How to Get Started".
        String card = Cards.BIOIMAGE.replace("Install bioimageio.core and run the model.\n", "");
        testDiagnosticsFor(card, "bioimage-io", d(63, 2, 63, 35, "empty-section", W));
    }

    @Test
    void headingAtTheWrongLevel() {
        testDiagnosticsFor(CZI.replace("## Intended Use", "### Intended Use"), "czi",
                d(8, 0, 8, 16, "heading-level", I));
        assertEquals("Section \u201cIntended Use\u201d is a level-2 heading in the CZI model card template "
                + "(\u201c## Intended Use\u201d), not level 3.",
                diagnostics(CZI.replace("## Intended Use", "### Intended Use"), "czi").get(0).getMessage());
    }

    @Test
    void aHeadingMovedToAnotherLevelIsNamedAtItsNewLevelInTheNextVersion() {
        CardChecker checker = new CardChecker(PackRegistry.bundled(), (m, e) -> {
            throw new AssertionError(m, e);
        });
        String before = CZI.replace("## Intended Use", "### Intended Use");
        CheckResult first = checker.check(before, new LineIndex(before), "czi", n -> false, () -> false);
        String after = CZI.replace("## Intended Use", "#### Intended Use");
        CheckResult second = checker.check(after, new LineIndex(after), CheckOptions.template("czi"), n -> false,
                () -> false, first, Runnable::run);
        String message = "Section \u201cIntended Use\u201d is a level-2 heading in the CZI model card template "
                + "(\u201c## Intended Use\u201d), not level ";
        assertEquals(List.of(message + "3."), first.findings().stream().map(Finding::message).toList());
        assertEquals(List.of(message + "4."), second.findings().stream().map(Finding::message).toList());
    }

    @Test
    void sectionTwiceUnderOneParent() {
        String card = CZI.replace("### Limitations\n", "### Risks\nMore risks.\n### Limitations\n");
        testDiagnosticsFor(card, "czi", d(31, 0, 31, 9, "duplicate-section", I));
        assertEquals("Section \u201cRisks\u201d appears again under \u201cBiases, Risks, and Limitations\u201d "
                + "(first at line 30); the CZI model card template has it once.",
                diagnostics(card, "czi").get(0).getMessage());
    }

    @Test
    void sectionOutOfTemplateOrder() {
        String intended = "## Intended Use\n### Primary Use Cases\nCell type classification.\n"
                + "### Out-of-Scope or Unauthorized Use Cases\nClinical diagnosis.\n";
        String card = CZI.replace(intended, "").replace("## Performance Metrics\n", intended + "## Performance Metrics\n");
        testDiagnosticsFor(card, "czi", d(8, 0, 8, 16, "section-order", I));
        assertEquals("Section \u201cTraining Data\u201d is out of order: the CZI model card template puts it after "
                + "\u201cIntended Use\u201d.", diagnostics(card, "czi").get(0).getMessage());
    }

    @Test
    void titlesMatchWhateverTheCasePunctuationAndPlural() {
        String card = CZI.replace("## Biases, Risks, and Limitations", "## 4. bias, risks & limitation [optional]")
                .replace("### Out-of-Scope or Unauthorized Use Cases", "### Out of scope or unauthorized use case");
        testDiagnosticsFor(card, "czi");
    }
}
