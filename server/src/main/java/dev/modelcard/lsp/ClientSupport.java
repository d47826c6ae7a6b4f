package dev.modelcard.lsp;

import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;

/**
 * What the client said it can take, read once at {@code initialize}.
 *
 * @param snippets completion items may be snippets with tab stops
 * @param documentChanges workspace edits may name the document version they apply to
 * @param configuration the client answers {@code workspace/configuration}
 * @param watchedFiles file watchers can be registered at run time
 */
record ClientSupport(boolean snippets, boolean documentChanges, boolean configuration, boolean watchedFiles) {
    static final ClientSupport NONE = new ClientSupport(false, false, false, false);

    static ClientSupport of(ClientCapabilities caps) {
        if (caps == null) {
            return NONE;
        }
        boolean snippets = Optional.ofNullable(caps.getTextDocument()).map(t -> t.getCompletion())
                .map(c -> c.getCompletionItem()).map(i -> i.getSnippetSupport()).orElse(false);
        boolean versioned = Optional.ofNullable(caps.getWorkspace()).map(w -> w.getWorkspaceEdit())
                .map(e -> e.getDocumentChanges()).orElse(false);
        boolean configuration = Optional.ofNullable(caps.getWorkspace()).map(w -> w.getConfiguration()).orElse(false);
        boolean watched = Optional.ofNullable(caps.getWorkspace()).map(w -> w.getDidChangeWatchedFiles())
                .map(d -> d.getDynamicRegistration()).orElse(false);
        return new ClientSupport(snippets, versioned, configuration, watched);
    }
}
