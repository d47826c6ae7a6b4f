package dev.modelcard.lsp;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as the server sees it: a language client that may also show a card's status. */
public interface ModelCardClient extends LanguageClient {
    /** Sent after each check; a client without a handler ignores it. */
    @JsonNotification("modelcard/status")
    void status(CardStatus status);
}
