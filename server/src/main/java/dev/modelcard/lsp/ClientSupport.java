package dev.modelcard.lsp;

import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;

/**
 * What the client said it can take, read once at {@code initialize}.
 *
 * @param snippets completion items may be snippets with tab stops
 * @param documentChanges workspace edits may name the document version they apply to
 */
record ClientSupport(boolean snippets, boolean documentChanges) {
    static final ClientSupport NONE = new ClientSupport(false, false);

    static ClientSupport of(ClientCapabilities caps) {
        if (caps == null) {
            return NONE;
        }
        boolean snippets = Optional.ofNullable(caps.getTextDocument()).map(t -> t.getCompletion())
                .map(c -> c.getCompletionItem()).map(i -> i.getSnippetSupport()).orElse(false);
        boolean versioned = Optional.ofNullable(caps.getWorkspace()).map(w -> w.getWorkspaceEdit())
                .map(e -> e.getDocumentChanges()).orElse(false);
        return new ClientSupport(snippets, versioned);
    }
}
