package dev.modelcard.lsp;

import static dev.modelcard.CardAssert.I;
import static dev.modelcard.CardAssert.W;
import static dev.modelcard.CardAssert.assertSame;
import static dev.modelcard.CardAssert.d;
import static dev.modelcard.lsp.LspHarness.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.modelcard.Cards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server driven over streams by an LSP4J client. */
class ProtocolTest {
    private static final String URI = "file:///nonexistent/model/README.md";

    private static JsonObject options(int debounceMs) {
        JsonObject o = new JsonObject();
        o.addProperty("debounceMs", debounceMs);
        return o;
    }

    @Test
    void initializeAdvertisesIncrementalSync() throws Exception {
        try (LspHarness h = new LspHarness()) {
            InitializeResult r = h.initialize(null);
            TextDocumentSyncOptions sync = r.getCapabilities().getTextDocumentSync().getRight();
            assertEquals(TextDocumentSyncKind.Incremental, sync.getChange());
            assertTrue(sync.getOpenClose());
            assertEquals("modelcard-ls", r.getServerInfo().getName());
        }
    }

    @Test
    void openEditAndClose() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(options(0));
            h.open(URI, 1, Cards.CZI.replace("15 million.", "...").replace("### Training Code\nSee the repository.\n", ""));
            PublishDiagnosticsParams first = h.diagnostics(URI, 1);
            assertSame(List.of(d(5, 0, 5, 3, "placeholder", W), d(13, 0, 13, 16, "missing-section", I)),
                    first.getDiagnostics());

            h.change(URI, 2, edit(5, 0, 5, 3, "15 million"));
            assertSame(List.of(d(13, 0, 13, 16, "missing-section", I)), h.diagnostics(URI, 2).getDiagnostics());

            // Typing "### Training Code" and its text after line 16, one insertion per keystroke burst.
            h.change(URI, 3, edit(17, 0, 17, 0, "### Training Code\n"), edit(18, 0, 18, 0, "TBD\n"));
            assertSame(List.of(d(18, 0, 18, 3, "placeholder", W)), h.diagnostics(URI, 3).getDiagnostics());

            h.close(URI);
            PublishDiagnosticsParams cleared = h.diagnostics(URI, null);
            assertEquals(List.of(), cleared.getDiagnostics());
        }
    }

    @Test
    void incrementalEditsWithCrlfAndEmoji() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(options(0));
            String crlf = Cards.CZI.replace("15 million.", "\ud83e\uddec cells: 15 million").replace("\n", "\r\n");
            h.open(URI, 1, crlf);
            assertSame(List.of(), h.diagnostics(URI, 1).getDiagnostics());

            // Replace "15 million" (after the emoji: 2 code units + " cells: ") with "TODO".
            h.change(URI, 2, edit(5, 10, 5, 20, "TODO"));
            assertSame(List.of(d(5, 10, 5, 14, "placeholder", W)), h.diagnostics(URI, 2).getDiagnostics());

            // Join line 5 and 6 across the CRLF, then split them again with a CRLF typed back.
            h.change(URI, 3, edit(5, 14, 6, 0, " "));
            // "### Citation" is now prose at the end of line 5, so Citation is missing under Model Details.
            assertSame(List.of(d(1, 0, 1, 16, "missing-section", W), d(5, 10, 5, 14, "placeholder", W)),
                    h.diagnostics(URI, 3).getDiagnostics());
            h.change(URI, 4, edit(5, 14, 5, 15, "\r\n"));
            assertSame(List.of(d(5, 10, 5, 14, "placeholder", W)), h.diagnostics(URI, 4).getDiagnostics());

            // An astral character inserted before the placeholder shifts it by two code units.
            h.change(URI, 5, edit(5, 0, 5, 0, "\ud83d\ude80"));
            assertSame(List.of(d(5, 12, 5, 16, "placeholder", W)), h.diagnostics(URI, 5).getDiagnostics());
        }
    }

    @Test
    void burstsOfEditsEndWithTheLatestVersion() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(options(30));
            h.open(URI, 1, Cards.CZI);
            h.diagnostics(URI, 1);
            for (int v = 2; v <= 40; v++) {
                h.change(URI, v, edit(5, 0, 5, 0, "x"));
            }
            h.change(URI, 41, edit(5, 0, 5, 0, "TODO "));
            assertSame(List.of(d(5, 0, 5, 4, "placeholder", W)), h.diagnostics(URI, 41).getDiagnostics());
            int last = 0;
            for (PublishDiagnosticsParams p : h.client.all) {
                assertTrue(p.getVersion() > last, "versions only go up: " + p.getVersion() + " after " + last);
                last = p.getVersion();
            }
        }
    }

    @Test
    void plainReadmesAndOtherFilesGetAnEmptyList() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(null);
            h.open("file:///nonexistent/tool/README.md", 1, "# csvtidy\n\n## Installation\n\npip install csvtidy\n\n"
                    + "## Usage\n\nTODO\n");
            assertEquals(List.of(), h.diagnostics("file:///nonexistent/tool/README.md", 1).getDiagnostics());
            h.open("file:///nonexistent/model/notes.md", 1, Cards.CZI.replace("15 million.", "TODO"));
            assertEquals(List.of(), h.diagnostics("file:///nonexistent/model/notes.md", 1).getDiagnostics());
        }
    }

    @Test
    void templateSettingForcesThePack() throws Exception {
        try (LspHarness h = new LspHarness()) {
            JsonObject o = new JsonObject();
            o.addProperty("template", "bioimage-io");
            h.initialize(o);
            h.open(URI, 1, "# A model\n\nTODO\n");
            PublishDiagnosticsParams p = h.diagnostics(URI, 1);
            assertEquals("placeholder", p.getDiagnostics().get(p.getDiagnostics().size() - 1).getCode().getLeft());
        }
    }

    @Test
    void badNotificationsAreLoggedAndTheServerKeepsServing() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(options(0));
            h.change("file:///never/opened/README.md", 2, edit(0, 0, 0, 0, "x"));
            h.open(URI, 1, Cards.CZI);
            h.diagnostics(URI, 1);
            h.change(URI, 2, edit(500, 3, 900, 0, "\nTODO\n"));
            assertSame(List.of(d(34, 0, 34, 4, "placeholder", W)), h.diagnostics(URI, 2).getDiagnostics());
            assertTrue(h.client.logs.stream().anyMatch(m -> m.getMessage().contains("not open")));
            assertTrue(h.client.logs.stream().anyMatch(m -> m.getMessage().contains("outside")));
        }
    }

    @Test
    void exitAfterShutdownIsZero() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(null);
            h.server.shutdown().get(10, TimeUnit.SECONDS);
            h.server.exit();
            assertEquals(0, h.exitCode.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void exitWithoutShutdownIsOne() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(null);
            h.server.exit();
            assertEquals(1, h.exitCode.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aBrokenPackIsShownAndTheBundledPacksKeepWorking(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("team.yaml");
        Files.writeString(pack, "id: team\nname: Team\nsections:\n  - id: a\n    title: A\n    level: x\n");
        try (LspHarness h = new LspHarness()) {
            JsonObject o = options(0);
            JsonArray packs = new JsonArray();
            packs.add(pack.toString());
            o.add("packs", packs);
            h.initialize(o);
            h.open(URI, 1, Cards.CZI.replace("15 million.", "TBD"));
            assertSame(List.of(d(5, 0, 5, 3, "placeholder", W)), h.diagnostics(URI, 1).getDiagnostics());
            assertEquals("modelcard: rule pack not used: " + pack + ":6:12: 'level' must be a whole number, not 'x'",
                    h.client.shown.get(0).getMessage());
        }
    }

    @Test
    void aTenMegabyteCardIsCheckedAndEditsStillAnswer() throws Exception {
        StringBuilder big = new StringBuilder(Cards.CZI);
        while (big.length() < 10 * 1024 * 1024) {
            big.append("\nSome prose about the model and its data, with `code` and *emphasis*.\n");
        }
        try (LspHarness h = new LspHarness()) {
            h.initialize(options(0));
            h.open(URI, 1, big.toString());
            assertEquals(List.of(), h.diagnostics(URI, 1).getDiagnostics());
            h.change(URI, 2, edit(5, 0, 5, 0, "TODO "));
            assertSame(List.of(d(5, 0, 5, 4, "placeholder", W)), h.diagnostics(URI, 2).getDiagnostics());
        }
    }

    @Test
    void hoverOutlineFoldingAndCompletenessOverTheProtocol() throws Exception {
        try (LspHarness h = new LspHarness()) {
            InitializeResult init = h.initialize(options(0));
            assertTrue(init.getCapabilities().getHoverProvider().getLeft());
            h.open(URI, 1, Cards.CZI.replace("15 million.", "..."));
            h.diagnostics(URI, 1);
            TextDocumentIdentifier doc = new TextDocumentIdentifier(URI);
            TextDocumentService text = h.server.getTextDocumentService();

            Hover hover = text.hover(new HoverParams(doc, new Position(2, 8))).get(10, TimeUnit.SECONDS);
            assertTrue(hover.getContents().getRight().getValue().startsWith("**Model Architecture** \u00b7 required"));
            assertNull(text.hover(new HoverParams(doc, new Position(900, 0))).get(10, TimeUnit.SECONDS));
            assertNull(text.hover(new HoverParams(new TextDocumentIdentifier("file:///never/README.md"),
                    new Position(0, 0))).get(10, TimeUnit.SECONDS));

            var symbols = text.documentSymbol(new DocumentSymbolParams(doc)).get(10, TimeUnit.SECONDS);
            assertEquals(List.of("Tiny Model"), symbols.stream().map(e -> e.getRight().getName()).toList());
            assertEquals(5, symbols.get(0).getRight().getChildren().size());

            var folds = text.foldingRange(new FoldingRangeRequestParams(doc)).get(10, TimeUnit.SECONDS);
            assertEquals(0, folds.get(0).getStartLine());
            assertEquals(32, folds.get(0).getEndLine());

            var lenses = text.codeLens(new CodeLensParams(doc)).get(10, TimeUnit.SECONDS);
            assertEquals("CZI model card \u00b7 17 of 18 sections complete \u00b7 1 to fill",
                    lenses.get(0).getCommand().getTitle());
            assertEquals(new Range(new Position(0, 0), new Position(0, 0)), lenses.get(0).getRange());
        }
    }
}
