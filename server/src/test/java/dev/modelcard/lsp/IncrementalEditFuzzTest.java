package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.modelcard.Cards;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;

/**
 * Random incremental edits through the real protocol: line breaks of every kind, surrogate pairs, CJK, tabs,
 * fences and front matter opening and closing, headings coming and going. At each checkpoint the edited
 * document's diagnostics, outline and folding must equal those of the same text opened fresh. The seed is fixed;
 * {@code -Dfuzz.edits=50000} (the {@code fuzz-long} profile) runs longer, {@code -Dfuzz.seed} another sequence.
 */
class IncrementalEditFuzzTest {
    private static final String[] FRAGMENTS = {"\r\n", "\r", "\n", "\n\n", "\ud83d\ude00", "\u6f22\u5b57", "\t", "x",
        "TODO", "TBD ", "```\n", "~~~\n", "---\n", "...\n", "## Model Details\n", "# ", "### ", "- item\n",
        "<!-- modelcard-disable placeholder -->", "<!-- modelcard-enable -->", "*emph* ", "| a | b |\n|---|---|\n",
        "title: x\n", "\u00e9", " ", "\r\n## Intended Use\r\n", "[link](u) ", "![i](p) "};

    @Test
    void randomEditsAgreeWithAFreshCheck() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261202L);
        int edits = Integer.getInteger("fuzz.edits", 1500);
        int checkEvery = 100;
        Random random = new Random(seed);
        String uri = "file:///fuzz/edited/README.md";
        String text = "---\nlicense: mit\n---\n" + Cards.CZI;
        try (LspHarness h = new LspHarness()) {
            h.initialize(JsonParser.parseString("{\"debounceMs\": 0}"));
            h.open(uri, 1, text);
            int version = 1;
            for (int i = 1; i <= edits; i++) {
                List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    int[] range = range(text, random);
                    String insert = random.nextInt(4) == 0 ? "" : FRAGMENTS[random.nextInt(FRAGMENTS.length)];
                    changes.add(new TextDocumentContentChangeEvent(new Range(position(text, range[0]),
                            position(text, range[1])), insert));
                    text = text.substring(0, range[0]) + insert + text.substring(range[1]);
                }
                h.change(uri, ++version, changes.toArray(TextDocumentContentChangeEvent[]::new));
                if (i % checkEvery == 0 || i == edits) {
                    agree(h, uri, version, text, i, seed);
                }
            }
        }
    }

    private static void agree(LspHarness h, String uri, int version, String text, int edit, long seed)
            throws Exception {
        String fresh = "file:///fuzz/fresh" + edit + "/README.md";
        h.open(fresh, 1, text);
        String where = "seed " + seed + ", after edit " + edit;
        assertEquals(h.diagnostics(fresh, 1).getDiagnostics(), h.diagnostics(uri, version).getDiagnostics(), where);
        var docs = h.server.getTextDocumentService();
        assertEquals(docs.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(fresh)))
                .get(30, TimeUnit.SECONDS), docs.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri)))
                .get(30, TimeUnit.SECONDS), where);
        assertEquals(docs.foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(fresh)))
                .get(30, TimeUnit.SECONDS), docs.foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri)))
                .get(30, TimeUnit.SECONDS), where);
        h.close(fresh);
    }

    /** A random range, never splitting a surrogate pair or a CRLF, short more often than long. */
    private static int[] range(String text, Random random) {
        int start = snap(text, random.nextInt(text.length() + 1));
        int length = random.nextInt(3) == 0 ? random.nextInt(40) : random.nextInt(4);
        int end = snap(text, Math.min(text.length(), start + length));
        return new int[] {start, Math.max(start, end)};
    }

    private static int snap(String text, int at) {
        if (at > 0 && at < text.length() && (Character.isLowSurrogate(text.charAt(at))
                || text.charAt(at - 1) == '\r' && text.charAt(at) == '\n')) {
            return at - 1;
        }
        return at;
    }

    /** The LSP position of an offset, counted here independently of the server: \n, \r\n and \r end lines. */
    private static Position position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}
