package dev.modelcard.features;

import static dev.modelcard.CardAssert.r;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.check.CheckResult;
import dev.modelcard.text.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.Hover;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    private static CheckResult check(String text, String template) {
        return CardAssert.CHECKER.check(text, template, n -> false);
    }

    private static int at(String text, int line, int col) {
        return new LineIndex(text).offset(line, col);
    }

    @Test
    void hoverOnATemplateHeadingShowsItsGuidance() {
        CheckResult res = check(Cards.CZI, "czi");
        Hover h = Hovers.at(res, at(Cards.CZI, 4, 6));
        assertEquals(r(4, 0, 4, 14), h.getRange());
        assertEquals("**Parameters** \u00b7 required \u00b7 CZI model card template \u00b7 under Model Details\n\n"
                + "Number of parameters (e.g., 15 million)", h.getContents().getRight().getValue());
        assertNull(Hovers.at(res, at(Cards.CZI, 5, 3)), "prose under the heading has no hover");
        Hover title = Hovers.at(res, at(Cards.CZI, 0, 4));
        assertEquals(r(0, 0, 0, 12), title.getRange());
        assertEquals("**Card title** \u00b7 recommended \u00b7 CZI model card template\n\nThe model's name as the card's "
                + "title.", title.getContents().getRight().getValue());
    }

    @Test
    void hoverOnAGlossaryTermShowsItsDefinition() {
        String card = Cards.BIOIMAGE.replace("IoU and Dice.", "We report the IoU and Voxel counts.");
        CheckResult res = check(card, "bioimage-io");
        int line = 45;
        Hover iou = Hovers.at(res, at(card, line, 15));
        assertEquals(r(line, 14, line, 17), iou.getRange());
        assertEquals("**IoU (Intersection over Union)**: Metric for evaluating segmentation quality\n\n"
                + "*From the glossary of the BioImage Model Zoo model card template*", iou.getContents().getRight().getValue());
        assertEquals(r(line, 22, line, 27), Hovers.at(res, at(card, line, 22)).getRange());
        assertNull(Hovers.at(res, at(card, line, 1)));
    }

    @Test
    void outlineNestsHeadingsAndNamesTemplateSections() {
        String card = "# Tiny\nintro\n## Model Details\n### Model Architecture\nA.\n## Notes\ntext\n";
        List<DocumentSymbol> roots = Outlines.symbols(check(card, "czi"), () -> false);
        assertEquals(1, roots.size());
        DocumentSymbol tiny = roots.get(0);
        assertEquals("Tiny", tiny.getName());
        assertEquals(r(0, 0, 6, 4), tiny.getRange());
        assertEquals(r(0, 2, 0, 6), tiny.getSelectionRange());
        assertEquals(List.of("Model Details", "Notes"), tiny.getChildren().stream().map(DocumentSymbol::getName).toList());
        DocumentSymbol details = tiny.getChildren().get(0);
        assertEquals("required \u00b7 CZI model card", details.getDetail());
        assertEquals(r(2, 0, 4, 2), details.getRange());
        assertNull(tiny.getChildren().get(1).getDetail());
    }

    @Test
    void foldingCoversSectionsFrontMatterCodeAndComments() {
        String card = "---\nlicense: mit\n---\n# T\n<!-- a\nlong comment -->\n## A\n```\ncode\n```\n\n## B\nx\n";
        List<FoldingRange> f = Outlines.folding(check(card, "czi").card(), () -> false);
        assertEquals(List.of("0-2", "3-12", "4-5 comment", "6-9", "7-9", "11-12"), f.stream()
                .map(x -> x.getStartLine() + "-" + x.getEndLine() + (x.getKind() == null ? "" : " " + x.getKind()))
                .toList());
    }

    @Test
    void completenessCountsRequiredAndRecommendedSectionsThatAreFilled() {
        assertEquals("CZI model card \u00b7 18 of 18 sections complete", Completeness.of(check(Cards.CZI, "czi")).label());
        String draft = Cards.CZI.replace("15 million.", "...").replace("### Training Code\nSee the repository.\n", "")
                .replace("Human cells only.", "");
        assertEquals("CZI model card \u00b7 15 of 18 sections complete \u00b7 2 to fill \u00b7 1 missing", Completeness.of(check(draft, "czi")).label());
    }
}
