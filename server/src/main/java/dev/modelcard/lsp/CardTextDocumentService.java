package dev.modelcard.lsp;

import dev.modelcard.text.TextDocument;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.services.TextDocumentService;

/** Document sync. Edits are applied here, in order, cheaply; parsing and checking happen on the worker. */
final class CardTextDocumentService implements TextDocumentService {
    private final DocumentStore docs;
    private final Validator validator;
    private final ServerLog log;

    CardTextDocumentService(DocumentStore docs, Validator validator, ServerLog log) {
        this.docs = docs;
        this.validator = validator;
        this.log = log;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        String text = item.getText() == null ? "" : item.getText();
        docs.put(new TextDocument(item.getUri(), item.getVersion(), text));
        validator.now(item.getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        TextDocument doc = docs.get(uri);
        if (doc == null) {
            log.warn("didChange for " + uri + ", which is not open; ignored (the client must send didOpen first)");
            return;
        }
        Integer version = params.getTextDocument().getVersion();
        int next = version == null ? doc.version() + 1 : version;
        if (next <= doc.version()) {
            log.warn("didChange for " + uri + " has version " + next + ", not above " + doc.version()
                    + "; applied anyway");
        }
        try {
            docs.put(doc.apply(params.getContentChanges(), next, log::warn));
        } catch (RuntimeException e) {
            log.error("could not apply a change to " + uri + "; the document is kept at version " + doc.version(), e);
            return;
        }
        validator.later(uri);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        docs.remove(uri);
        validator.close(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // Nothing to do: the text is already current. Companion files may have appeared, so check again.
        if (docs.get(params.getTextDocument().getUri()) != null) {
            validator.now(params.getTextDocument().getUri());
        }
    }
}
