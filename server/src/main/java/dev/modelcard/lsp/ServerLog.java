package dev.modelcard.lsp;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Logs to the client's output ({@code window/logMessage}) once connected, and to stderr before that or when the
 * connection fails. One place only: clients such as VS Code also show the server's stderr in the same output.
 * Never to stdout.
 */
public final class ServerLog {
    private volatile LanguageClient client;

    void connect(LanguageClient c) {
        this.client = c;
    }

    public void info(String message) {
        log(MessageType.Info, message);
    }

    public void warn(String message) {
        log(MessageType.Warning, message);
    }

    public void error(String message, Throwable e) {
        StringWriter trace = new StringWriter();
        if (e != null) {
            e.printStackTrace(new PrintWriter(trace));
        }
        log(MessageType.Error, message + (e == null ? "" : ": " + e + "\n" + trace));
    }

    /** Also shows the message to the user ({@code window/showMessage}). */
    public void show(MessageType type, String message) {
        log(type, message);
        LanguageClient c = client;
        if (c != null) {
            c.showMessage(new MessageParams(type, "modelcard: " + message));
        }
    }

    private void log(MessageType type, String message) {
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logMessage(new MessageParams(type, message));
                return;
            } catch (RuntimeException closed) {
                // the connection is gone: stderr is all that is left
            }
        }
        System.err.println("[modelcard " + type.name().toLowerCase() + "] " + message);
    }
}
