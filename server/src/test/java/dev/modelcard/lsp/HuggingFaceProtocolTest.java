package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/** A Hugging Face card over the protocol: metadata diagnostics, their fix, completion and hover in front matter. */
class HuggingFaceProtocolTest {
    private static final String URI = "file:///nonexistent/hub-model/README.md";
    private static final String CARD = "---\r\nlicense: MIT\r\nlanguage: jp\r\npipeline_tag: \r\n---\r\n"
            + "# Model Card for Model ID\r\n\r\n## Uses\r\n\r\n[More Information Needed]\r\n";

    @Test
    void hubMetadataIsCheckedFixedAndCompleted() throws Exception {
        try (LspHarness h = new LspHarness()) {
            JsonObject options = new JsonObject();
            options.addProperty("debounceMs", 0);
            h.initialize(options);
            h.open(URI, 1, CARD);
            List<Diagnostic> ds = h.diagnostics(URI, 1).getDiagnostics();
            assertEquals(List.of("metadata 1:9-1:12", "metadata 2:10-2:12", "placeholder 5:2-5:25",
                    "placeholder 9:0-9:25"), ds.stream().map(d -> d.getCode().getLeft() + " "
                            + d.getRange().getStart().getLine() + ":" + d.getRange().getStart().getCharacter() + "-"
                            + d.getRange().getEnd().getLine() + ":" + d.getRange().getEnd().getCharacter()).toList());
            assertEquals("License \u201cMIT\u201d is not a Hub license id; the Hub's id is \u201cmit\u201d (ids are "
                    + "lower-case).", ds.get(0).getMessage());

            var text = h.server.getTextDocumentService();
            CodeActionContext context = new CodeActionContext(List.of(ds.get(1)));
            context.setOnly(List.of("quickfix.modelcard.metadata"));
            List<CodeAction> fixes = text.codeAction(new CodeActionParams(new TextDocumentIdentifier(URI),
                    ds.get(1).getRange(), context)).get(10, TimeUnit.SECONDS).stream().map(Either::getRight).toList();
            assertEquals(List.of("Change to \u201cja\u201d"), fixes.stream().map(CodeAction::getTitle).toList());
            TextEdit edit = fixes.get(0).getEdit().getChanges().get(URI).get(0);
            assertEquals(new TextEdit(new Range(new Position(2, 10), new Position(2, 12)), "ja"), edit);

            List<CompletionItem> tasks = text.completion(new CompletionParams(new TextDocumentIdentifier(URI),
                    new Position(3, 14))).get(10, TimeUnit.SECONDS).getLeft();
            assertEquals("text-classification", tasks.get(0).getLabel());
            assertEquals(57, tasks.size());

            var hover = text.hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(1, 2)))
                    .get(10, TimeUnit.SECONDS);
            assertEquals(true, hover.getContents().getRight().getValue().startsWith("**license** \u00b7 Hugging Face"));
        }
    }
}
