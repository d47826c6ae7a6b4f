package dev.modelcard.lsp;

import java.util.List;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Settings, workspace folders and files on disk: each change re-checks the open cards it can affect. */
final class CardWorkspaceService implements WorkspaceService {
    private final ModelCardServer server;

    CardWorkspaceService(ModelCardServer server) {
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.updateSettings(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        server.filesChanged(params.getChanges().stream().map(FileEvent::getUri).toList());
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        var event = params.getEvent();
        server.workspaceFolders(event.getAdded() == null ? List.of() : event.getAdded(),
                event.getRemoved() == null ? List.of() : event.getRemoved());
    }
}
