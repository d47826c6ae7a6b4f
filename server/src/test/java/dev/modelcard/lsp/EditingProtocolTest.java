package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.modelcard.Cards;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionContext;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.CompletionTriggerKind;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** Completion, code actions and the status notification, over the protocol as VS Code and Neovim ask for them. */
class EditingProtocolTest {
    private static final String URI = "file:///nonexistent/model/README.md";
    private static final String CARD = Cards.CZI.replace("### Training Procedure\nAdam, 10 epochs.\n", "\n")
            .replace("\n", "\r\n");

    private static JsonObject noDebounce() {
        JsonObject o = new JsonObject();
        o.addProperty("debounceMs", 0);
        return o;
    }

    /** What VS Code says it takes: snippets and versioned document edits. */
    private static ClientCapabilities vscode() {
        ClientCapabilities caps = new ClientCapabilities();
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setCompletion(new CompletionCapabilities(new CompletionItemCapabilities(true)));
        caps.setTextDocument(text);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
        edit.setDocumentChanges(true);
        ws.setWorkspaceEdit(edit);
        caps.setWorkspace(ws);
        return caps;
    }

    private static CodeActionParams actions(Range range, List<String> only) {
        CodeActionContext context = new CodeActionContext(List.of());
        context.setOnly(only);
        return new CodeActionParams(new TextDocumentIdentifier(URI), range, context);
    }

    private static Range line(int line) {
        return new Range(new Position(line, 0), new Position(line, 0));
    }

    @Test
    void completionOffersTheMissingSectionAsASnippetAndAnswersEmptyOutsideTheText() throws Exception {
        try (LspHarness h = new LspHarness()) {
            InitializeResult init = h.initialize(noDebounce(), vscode());
            assertEquals(List.of("#", "*"), init.getCapabilities().getCompletionProvider().getTriggerCharacters());
            h.open(URI, 1, CARD);
            h.diagnostics(URI, 1);
            var text = h.server.getTextDocumentService();
            CompletionParams p = new CompletionParams(new TextDocumentIdentifier(URI), new Position(15, 0));
            List<CompletionItem> items = text.completion(p).get(10, TimeUnit.SECONDS).getLeft();
            CompletionItem first = items.stream().sorted((a, b) -> a.getSortText().compareTo(b.getSortText()))
                    .findFirst().orElseThrow();
            assertEquals("Training Procedure", first.getLabel());
            assertEquals(InsertTextFormat.Snippet, first.getInsertTextFormat());
            assertEquals(new TextEdit(line(15), "### Training Procedure\r\n\r\n${1:...}$0"), first.getTextEdit().getLeft());
            assertEquals("### Training Procedure \u00b7 required \u00b7 CZI model card", first.getDetail());

            p.setContext(new CompletionContext(CompletionTriggerKind.TriggerCharacter, "#"));
            p.setPosition(new Position(400, 3));
            assertEquals(List.of(), text.completion(p).get(10, TimeUnit.SECONDS).getLeft());
        }
    }

    @Test
    void aQuickFixIsAVersionedEditAndApplyingItClearsTheDiagnostic() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(noDebounce(), vscode());
            h.open(URI, 1, CARD);
            var diagnostics = h.diagnostics(URI, 1).getDiagnostics();
            assertEquals(1, diagnostics.size());
            var text = h.server.getTextDocumentService();
            List<CodeAction> found = text.codeAction(actions(diagnostics.get(0).getRange(), List.of("quickfix")))
                    .get(10, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
            assertEquals(List.of("quickfix.modelcard.missing-section", "quickfix.modelcard.disable-line",
                    "quickfix.modelcard.disable-file"), found.stream().map(CodeAction::getKind).toList());
            CodeAction fix = found.get(0);
            assertEquals("quickfix.modelcard.missing-section", fix.getKind());
            assertEquals("Insert section \u201cTraining Procedure\u201d (### Training Procedure)", fix.getTitle());
            assertEquals(Boolean.TRUE, fix.getIsPreferred());
            assertEquals(diagnostics, fix.getDiagnostics());
            assertNull(fix.getCommand());
            TextDocumentEdit edit = fix.getEdit().getDocumentChanges().get(0).getLeft();
            assertEquals(URI, edit.getTextDocument().getUri());
            assertEquals(1, edit.getTextDocument().getVersion());
            TextEdit insert = edit.getEdits().get(0);
            assertEquals(line(16), insert.getRange());
            assertTrue(insert.getNewText().startsWith("### Training Procedure\r\n\r\n<!-- Briefly describe"),
                    insert.getNewText());

            h.change(URI, 2, LspHarness.edit(16, 0, 16, 0, insert.getNewText()));
            var after = h.diagnostics(URI, 2).getDiagnostics();
            assertEquals(List.of("empty-section"), after.stream().map(d -> d.getCode().getLeft()).toList(),
                    "the new section waits for its text");
        }
    }

    @Test
    void onlyTheRequestedKindsAreReturnedAndClientsWithoutVersionsGetPlainChanges() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(noDebounce());
            h.open(URI, 1, CARD);
            h.diagnostics(URI, 1);
            var text = h.server.getTextDocumentService();
            Range whole = new Range(new Position(0, 0), new Position(40, 0));
            List<String> all = text.codeAction(actions(whole, null)).get(10, TimeUnit.SECONDS).stream()
                    .map(a -> a.getRight().getKind()).toList();
            assertEquals(List.of("quickfix.modelcard.missing-section", "quickfix.modelcard.disable-line",
                    "quickfix.modelcard.disable-file", "source.modelcard.insertMissingSections"), all);
            List<CodeAction> source = text.codeAction(actions(whole, List.of("source"))).get(10, TimeUnit.SECONDS)
                    .stream().map(Either::getRight).toList();
            assertEquals(List.of("Insert all missing sections (1)"), source.stream().map(CodeAction::getTitle).toList());
            assertNotNull(source.get(0).getEdit().getChanges().get(URI), "no documentChanges capability");
            assertEquals(List.of(), text.codeAction(actions(whole, List.of("refactor"))).get(10, TimeUnit.SECONDS));
            assertEquals(List.of(), text.codeAction(actions(line(900), null)).get(10, TimeUnit.SECONDS));
        }
    }

    /** A near title over the protocol: its Information diagnostic, the rename fix, and no diagnostic after it. */
    @Test
    void aNearTitleIsRenamedOverTheProtocol() throws Exception {
        String card = Cards.CZI.replace("## Biases, Risks, and Limitations", "## Biases and Limitations");
        try (LspHarness h = new LspHarness()) {
            h.initialize(noDebounce());
            h.open(URI, 1, card);
            var d = h.diagnostics(URI, 1).getDiagnostics();
            assertEquals(List.of("section-title"), d.stream().map(x -> x.getCode().getLeft()).toList());
            assertEquals(new Range(new Position(26, 3), new Position(26, 25)), d.get(0).getRange());
            List<CodeAction> fixes = h.server.getTextDocumentService()
                    .codeAction(actions(new Range(new Position(26, 8), new Position(26, 8)), List.of("quickfix")))
                    .get(10, TimeUnit.SECONDS).stream().map(Either::getRight)
                    .filter(a -> a.getKind().equals("quickfix.modelcard.section-title")).toList();
            assertEquals(1, fixes.size());
            assertEquals(Boolean.TRUE, fixes.get(0).getIsPreferred());
            TextEdit edit = fixes.get(0).getEdit().getChanges().get(URI).get(0);
            assertEquals(new TextEdit(new Range(new Position(26, 3), new Position(26, 25)),
                    "Biases, Risks, and Limitations"), edit);
            h.change(URI, 2, new TextDocumentContentChangeEvent(edit.getRange(), edit.getNewText()));
            assertEquals(List.of(), h.diagnostics(URI, 2).getDiagnostics());
        }
    }

    @Test
    void eachCheckSendsTheCardsStatus() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(noDebounce());
            h.open(URI, 1, CARD);
            CardStatus s = h.client.statuses.poll(20, TimeUnit.SECONDS);
            assertEquals(new CardStatus(URI, 1, "czi", "CZI model card", 17, 0, 1, 18,
                    "CZI model card \u00b7 17 of 18 sections complete \u00b7 1 missing"), s);
            h.open("file:///nonexistent/notes/README.md", 1, "# Notes\n");
            assertEquals(new CardStatus("file:///nonexistent/notes/README.md", 1, null, null, 0, 0, 0, 0, ""),
                    h.client.statuses.poll(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void theStatusIsSentAgainOnlyWhenItsFiguresChange() throws Exception {
        try (LspHarness h = new LspHarness()) {
            h.initialize(noDebounce());
            h.open(URI, 1, CARD);
            assertEquals(1, h.client.statuses.poll(20, TimeUnit.SECONDS).version());
            // "transformer" -> "transformers": the same figures
            h.change(URI, 2, LspHarness.edit(3, 23, 3, 23, "s"));
            h.diagnostics(URI, 2);
            // the missing section written: new figures
            h.change(URI, 3, LspHarness.edit(16, 0, 16, 0, "### Training Procedure\r\nAdam.\r\n"));
            h.diagnostics(URI, 3);
            // Statuses go out on the thread that publishes, after their diagnostics: one for version 2 would be
            // here before this one.
            assertEquals(new CardStatus(URI, 3, "czi", "CZI model card", 18, 0, 0, 18,
                    "CZI model card \u00b7 18 of 18 sections complete"), h.client.statuses.poll(20, TimeUnit.SECONDS));
            h.close(URI);
            h.open(URI, 4, CARD);
            assertEquals(4, h.client.statuses.poll(20, TimeUnit.SECONDS).version(), "sent again after reopening");
        }
    }
}
