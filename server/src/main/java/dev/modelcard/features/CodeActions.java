package dev.modelcard.features;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.edits.DisableFixes;
import dev.modelcard.edits.Edit;
import dev.modelcard.edits.Fix;
import dev.modelcard.edits.QuickFixes;
import dev.modelcard.edits.SourceFixes;
import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Code actions: the quick fixes of the findings in a range, and the card-wide source actions, each a plain
 * workspace edit of the document version they were computed on.
 */
public final class CodeActions {
    private CodeActions() {}

    /**
     * @param only the kinds the client asked for (an action matches a kind or one of its sub-kinds), or null
     * @param documentChanges the client takes versioned document edits
     */
    public static List<CodeAction> of(CheckResult r, String uri, int version, int start, int end, List<String> only,
            boolean documentChanges) {
        if (r.pack() == null) {
            return List.of();
        }
        List<Fix> fixes = new ArrayList<>();
        if (mayWant("quickfix.modelcard", only)) {
            List<Fix> disable = new ArrayList<>();
            for (Finding f : r.findings()) {
                if (f.start() <= end && f.end() >= start) {
                    fixes.addAll(QuickFixes.of(r, f));
                    disable.addAll(DisableFixes.of(r, f));
                }
            }
            fixes.addAll(disable); // after the real fixes, as editors list them in order
        }
        if (wanted(Fix.INSERT_MISSING, only)) {
            SourceFixes.insertMissing(r).ifPresent(fixes::add);
        }
        if (wanted(Fix.TABLE_OF_CONTENTS, only)) {
            SourceFixes.tableOfContents(r).ifPresent(fixes::add);
        }
        List<CodeAction> out = new ArrayList<>();
        for (Fix fix : fixes) {
            if (!wanted(fix.kind(), only)) {
                continue;
            }
            CodeAction a = new CodeAction(fix.title());
            a.setKind(fix.kind());
            a.setEdit(edit(r.card().lines(), uri, version, fix.edits(), documentChanges));
            if (fix.finding() != null) {
                a.setDiagnostics(List.of(Diagnostics.of(fix.finding(), r.card().lines())));
            }
            out.add(a);
        }
        // The one real fix of a lone diagnostic under the cursor is what the editor's "fix" key should apply.
        List<CodeAction> real = out.stream().filter(a -> a.getKind().startsWith(Fix.QUICKFIX)
                && !a.getKind().equals(DisableFixes.LINE) && !a.getKind().equals(DisableFixes.FILE)).toList();
        if (real.size() == 1) {
            real.get(0).setIsPreferred(true);
        }
        return out;
    }

    /** True when a kind is asked for: no filter, the kind itself, or a prefix of it ("quickfix", "source"). */
    static boolean wanted(String kind, List<String> only) {
        return only == null || only.isEmpty() || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }

    /** True when some kind under {@code family} may be asked for. */
    private static boolean mayWant(String family, List<String> only) {
        return wanted(family, only) || only.stream().anyMatch(k -> k.startsWith(family + "."));
    }

    public static WorkspaceEdit edit(LineIndex lines, String uri, int version, List<Edit> edits,
            boolean documentChanges) {
        List<TextEdit> textEdits = edits.stream()
                .map(e -> new TextEdit(lines.range(e.start(), e.end()), e.text())).toList();
        if (documentChanges) {
            return new WorkspaceEdit(List.of(Either.forLeft(
                    new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), textEdits))));
        }
        return new WorkspaceEdit(Map.of(uri, textEdits));
    }
}
