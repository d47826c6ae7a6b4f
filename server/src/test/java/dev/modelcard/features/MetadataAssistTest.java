package dev.modelcard.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modelcard.CardAssert;
import dev.modelcard.check.CheckResult;
import dev.modelcard.text.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;

/** Completion and hover in a Hugging Face card's front matter. */
class MetadataAssistTest {
    private static final String BODY = "# Model\n\nIt classifies cats.\n";

    private static CheckResult check(String text) {
        return CardAssert.CHECKER.check(text, null, n -> false);
    }

    private static List<String> complete(String text, int line, int col) {
        CheckResult r = check(text);
        return Completions.at(r, new LineIndex(text).offset(line, col), true, false).stream()
                .map(MetadataAssistTest::show).toList();
    }

    private static String show(CompletionItem i) {
        TextEdit e = i.getTextEdit().getLeft();
        Range r = e.getRange();
        return i.getLabel() + " | " + r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-"
                + r.getEnd().getLine() + ":" + r.getEnd().getCharacter() + " \u2192 " + e.getNewText()
                + (i.getDetail() == null ? "" : " (" + i.getDetail() + ")");
    }

    private static String hover(String text, int line, int col) {
        CheckResult r = check(text);
        Hover h = Hovers.at(r, new LineIndex(text).offset(line, col));
        if (h == null) {
            return null;
        }
        Range range = h.getRange();
        return range.getStart().getLine() + ":" + range.getStart().getCharacter() + "-" + range.getEnd().getLine()
                + ":" + range.getEnd().getCharacter() + " " + h.getContents().getRight().getValue();
    }

    @Test
    void keysNotYetPresentWithWhatTheyHold() {
        String card = "---\nlicense: mit\npip\n---\n" + BODY;
        List<String> items = complete(card, 2, 3);
        assertEquals("language | 2:0-2:3 \u2192 language:  (Hugging Face metadata)", items.get(0));
        assertEquals(false, items.stream().anyMatch(s -> s.startsWith("license |")), "license is there already");
        assertEquals(true, items.contains("pipeline_tag | 2:0-2:3 \u2192 pipeline_tag:  (Hugging Face metadata)"));
    }

    @Test
    void valuesOfLicenseTaskLibraryRelationAndLanguage() {
        assertEquals(List.of("cc-by-nc-sa-2.0", "cc-by-nc-sa-3.0", "cc-by-nc-sa-4.0 | 1:9-1:19 \u2192 cc-by-nc-sa-4.0 "
                + "(Creative Commons Attribution Non Commercial Share Alike 4.0)"),
                complete("---\nlicense: cc-by-nc-s\n---\n" + BODY, 1, 19).stream()
                        .map(s -> s.startsWith("cc-by-nc-sa-4.0") ? s : s.substring(0, s.indexOf(' '))).toList());
        assertEquals(List.of("fill-mask | 1:14-1:17 \u2192 fill-mask (task)"),
                complete("---\npipeline_tag: fil\ntags: [x]\n---\n" + BODY, 1, 17));
        assertEquals(List.of("adapter", "merge", "quantized", "finetune"),
                complete("---\nbase_model_relation: \n---\n" + BODY, 1, 21).stream()
                        .map(s -> s.substring(0, s.indexOf(' '))).toList());
        List<String> byName = complete("---\nlanguage:\n- en\n- fren\n---\n" + BODY, 3, 6);
        assertEquals("fr | 3:2-3:6 \u2192 fr (French)", byName.get(0));
        assertEquals(true, complete("---\nlibrary_name: transf\n---\n" + BODY, 1, 20)
                .contains("transformers | 1:14-1:20 \u2192 transformers (library)"));
    }

    @Test
    void hoverExplainsKeysAndValues() {
        String card = "---\nlicense: cc-by-4.0\nlanguage:\n- yue\npipeline_tag: fill-mask\n---\n" + BODY;
        assertEquals("1:9-1:18 **Creative Commons Attribution 4.0** (`cc-by-4.0`), a Hub license id",
                hover(card, 1, 11));
        assertEquals("3:2-3:5 **Yue Chinese** (`yue`), a language the Hub knows", hover(card, 3, 3));
        String key = hover(card, 4, 2);
        assertEquals(true, key.startsWith("4:0-4:12 **pipeline_tag** \u00b7 Hugging Face metadata\n\nThe model's task"), key);
        assertNull(hover(card, 6, 3), "the body's title is no metadata (and no template section here)");
    }

    @Test
    void nothingInTheFrontMatterOfOtherTemplates() {
        String czi = "---\nlicense: mit\n---\n" + dev.modelcard.Cards.CZI;
        CheckResult r = CardAssert.CHECKER.check(czi, "czi", n -> false);
        assertEquals(List.of(), Completions.at(r, new LineIndex(czi).offset(1, 3), true, false));
    }
}
