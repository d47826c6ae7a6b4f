package dev.modelcard.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.check.CheckResult;
import dev.modelcard.text.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Completion items as {@code "label | range → insert text"}, in the order the client sorts them. */
class CompletionsTest {
    private static List<String> complete(String text, String template, int line, int col, boolean snippets) {
        CheckResult r = CardAssert.CHECKER.check(text, template, n -> false);
        int offset = new LineIndex(text).offset(line, col);
        return Completions.at(r, offset, snippets, false).stream()
                .sorted((a, b) -> a.getSortText().compareTo(b.getSortText()))
                .map(CompletionsTest::show).toList();
    }

    private static String show(CompletionItem i) {
        TextEdit e = i.getTextEdit().getLeft();
        Range r = e.getRange();
        return i.getLabel() + " | " + r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-"
                + r.getEnd().getLine() + ":" + r.getEnd().getCharacter() + " \u2192 " + e.getNewText();
    }

    private static final String CZI_WITHOUT_PROCEDURE = Cards.CZI
            .replace("### Training Procedure\nAdam, 10 epochs.\n", "\n");

    @Test
    void anEmptyLineOffersTheMissingSectionsThatFitThereFirst() {
        String card = CZI_WITHOUT_PROCEDURE.replace("### Citation\nDoe et al. 2025.\n", "");
        assertEquals(List.of(
                "Training Procedure | 13:0-13:0 \u2192 ### Training Procedure\n\n${1:...}$0",
                // then every other missing section, required first, in template order
                "Citation | 13:0-13:0 \u2192 ### Citation\n\n${1:...}$0",
                "Model Card Authors | 13:0-13:0 \u2192 ### Model Card Authors\n\n${1:...}$0",
                "Speeds, Sizes, Times | 13:0-13:0 \u2192 ### Speeds, Sizes, Times\n\n${1:...}$0",
                "Training Hyperparameters | 13:0-13:0 \u2192 ### Training Hyperparameters\n\n${1:...}$0",
                "Caveats and Recommendations | 13:0-13:0 \u2192 ### Caveats and Recommendations\n\n${1:...}$0",
                "Acknowledgements | 13:0-13:0 \u2192 ## Acknowledgements\n\n${1:...}$0"),
                complete(card, "czi", 13, 0, true));
    }

    /** After the last section, typing a heading offers every missing section: none belongs there, all are wanted. */
    @Test
    void aHeadingTypedOnANewLastLineOffersEveryMissingSection() {
        String card = CZI_WITHOUT_PROCEDURE.replace("### Citation\nDoe et al. 2025.\n", "")
                + "## Acknowledgements\nThe lab.\n## ";
        assertEquals(List.of(
                "Citation | 32:0-32:3 \u2192 ### Citation\n\n${1:...}$0",
                "Training Procedure | 32:0-32:3 \u2192 ### Training Procedure\n\n${1:...}$0",
                "Model Card Authors | 32:0-32:3 \u2192 ### Model Card Authors\n\n${1:...}$0",
                "Speeds, Sizes, Times | 32:0-32:3 \u2192 ### Speeds, Sizes, Times\n\n${1:...}$0",
                "Training Hyperparameters | 32:0-32:3 \u2192 ### Training Hyperparameters\n\n${1:...}$0",
                "Caveats and Recommendations | 32:0-32:3 \u2192 ### Caveats and Recommendations\n\n${1:...}$0"),
                complete(card, "czi", 32, 3, true));
    }

    @Test
    void typedHashesAreReplacedAndPlainTextGoesToClientsWithoutSnippets() {
        String card = CZI_WITHOUT_PROCEDURE.replace("A public atlas of 1M cells.\n\n", "A public atlas of 1M cells.\n##\n");
        assertEquals("Training Procedure | 15:0-15:2 \u2192 ### Training Procedure\n\n...",
                complete(card, "czi", 15, 2, false).get(0));
    }

    @Test
    void sectionsAlreadyPresentAreNotOffered() {
        assertEquals(List.of(), complete(Cards.CZI + "\n", "czi", 33, 0, true).stream()
                .filter(s -> !s.startsWith("Acknowledgements") && !s.startsWith("Caveats")
                        && !s.startsWith("Model Card Authors") && !s.startsWith("Speeds")
                        && !s.startsWith("Training Hyperparameters")).toList());
    }

    @Test
    void aFieldListOffersTheLabelsItLacksWithTheTemplatesHint() {
        String card = Cards.BIOIMAGE.replace("- **Developed by:** Jane Doe, Example Institute\n",
                "- **Developed by:** Jane Doe, Example Institute\n- **\n");
        List<String> items = complete(card, "bioimage-io", 7, 4, true);
        assertEquals(List.of(
                "Funded by | 7:0-7:4 \u2192 - **Funded by:** ${1:Funding agency, grant number if applicable}$0",
                "Shared by | 7:0-7:4 \u2192 - **Shared by:** ${1:Person/organization making the model available}$0",
                "Model type | 7:0-7:4 \u2192 - **Model type:** ${1:Architecture type, e.g., 3D U-Net, ResNet, "
                        + "transformer}$0",
                "Modality | 7:0-7:4 \u2192 - **Modality:** ${1:Input modality, e.g., fluorescence microscopy, "
                        + "electron microscopy}$0",
                "License | 7:0-7:4 \u2192 - **License:** ${1:License name and link}$0",
                "Finetuned from model | 7:0-7:4 \u2192 - **Finetuned from model:** ${1:Base model if applicable}$0"),
                items.stream().filter(i -> !i.contains("#")).toList());
    }

    @Test
    void theGlossaryOffersWholeEntriesForTermsItDoesNotDefine() {
        String card = Cards.BIOIMAGE + "- \n";
        int line = new LineIndex(card).lineCount() - 2;
        assertEquals(List.of(
                "IoU (Intersection over Union) | " + line + ":0-" + line + ":2 \u2192 - **IoU (Intersection over "
                        + "Union):** Metric for evaluating segmentation quality",
                "Dice coefficient | " + line + ":0-" + line + ":2 \u2192 - **Dice coefficient:** Similarity metric "
                        + "for binary segmentation",
                "Voxel | " + line + ":0-" + line + ":2 \u2192 - **Voxel:** 3D pixel representing volume element",
                "Z-projection | " + line + ":0-" + line + ":2 \u2192 - **Z-projection:** 2D representation of 3D "
                        + "data"),
                complete(card, "bioimage-io", line, 2, true));
    }

    @Test
    void proseOffersGlossaryTermsForTheWordBeingTypedIncludingTheCardsOwn() {
        String card = Cards.BIOIMAGE.replace("IoU and Dice.", "IoU and Vox");
        List<String> items = complete(card, "bioimage-io", 45, 11, true);
        assertEquals("Voxel | 45:8-45:11 \u2192 Voxel", items.stream().filter(i -> i.startsWith("Voxel")).findFirst()
                .orElseThrow());
        assertEquals("IoU | 45:8-45:11 \u2192 IoU", items.stream().filter(i -> i.startsWith("IoU |")).findFirst()
                .orElseThrow(), "the card's own glossary defines IoU");
    }

    @Test
    void nothingInCodeFrontMatterOrCardsWithoutATemplate() {
        String fenced = Cards.CZI.replace("Adam, 10 epochs.\n", "```\n\n```\n");
        assertEquals(List.of(), complete(fenced, "czi", 16, 0, true));
        assertEquals(List.of(), complete("---\ntitle: x\n---\n" + Cards.CZI, "czi", 1, 0, true));
        assertEquals(List.of(), complete("# Notes\n\n", null, 1, 0, true));
    }
}
