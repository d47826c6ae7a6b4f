package dev.modelcard.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckOptions;
import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.edits.SafeFixes;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.files.CardFiles;
import dev.modelcard.files.CardText;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code modelcard-ls check}: the same checks as the server, for CI. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check model cards. A PATH is a card file or a folder searched recursively for README.md,",
            "MODEL_CARD.md, model_card.md and *.modelcard.md. Files that are not model cards are skipped.",
            "Exit status: 0 clean, 1 a diagnostic at or above --fail-on, 2 bad usage or unreadable input."
        })
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    enum FailOn { error, warning, never }

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "ID",
            description = "Check every card against this pack (${COMPLETION-CANDIDATES}) instead of detecting it.",
            completionCandidates = TemplateIds.class)
    String template;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (path:line:column: severity code message) or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning",
            description = "Exit 1 when a diagnostic at or above this level is found: error, warning or never. "
                    + "Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--pack", paramLabel = "FILE",
            description = "An extra rule pack file (repeatable); a pack with a bundled pack's id replaces it.")
    List<Path> extraPacks = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file for every card, instead of the nearest .modelcard.yaml above "
                    + "each card (searched up to the folder holding .git, or the file system root).")
    Path configFile;

    @Option(names = "--fix",
            description = "Insert the missing sections (with the template's guidance) and update the table of "
                    + "contents, in place; say what changed, then report what is left.")
    boolean fix;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Card files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PackRegistry packs = extraPacks.isEmpty() ? PackRegistry.bundled() : PackRegistry.withFiles(extraPacks);
        for (PackProblem p : packs.problems()) {
            err.println(p + " (pack not used)");
        }
        if (template != null && packs.get(template).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Unknown template '" + template + "'; known: "
                    + packs.templates().stream().map(p -> p.id()).collect(Collectors.joining(", ")));
        }
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new ParameterException(spec.commandLine(), "No such configuration file: " + configFile);
        }
        boolean unreadable = !packs.problems().isEmpty() && !extraPacks.isEmpty();
        Configs configs = new Configs(configFile, extraPacks, err);
        List<Path> cards = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try {
                    cards.addAll(CardFiles.find(p));
                } catch (IOException e) {
                    err.println(p + ": cannot list folder: " + e.getMessage());
                    unreadable = true;
                }
            } else if (Files.exists(p)) {
                cards.add(p);
            } else {
                err.println(p + ": no such file or folder");
                unreadable = true;
            }
        }

        Map<DiagnosticSeverity, Integer> counts = new EnumMap<>(DiagnosticSeverity.class);
        JsonArray json = new JsonArray();
        Gson gson = new MessageJsonHandler(Map.of()).getDefaultGsonBuilder().create();
        int checked = 0;
        int skipped = 0;
        boolean failed = false;
        for (Path card : cards) {
            String text;
            try {
                text = CardText.read(card);
            } catch (CardText.UnreadableException e) {
                err.println(card + ": " + e.getMessage());
                unreadable = true;
                continue;
            }
            Configs.ForCard cfg = configs.forCard(card);
            unreadable |= cfg.broken();
            if (cfg.config().ignores(card)) {
                if (format == Format.text) {
                    out.println(card + ": skipped, ignored by " + cfg.config().files().get(cfg.config().files().size() - 1));
                }
                skipped++;
                continue;
            }
            CardChecker checker = cfg.checker();
            CheckOptions options = cfg.options(template);
            CheckResult result = checker.check(text, new LineIndex(text), options, CardText.companions(card),
                    () -> false);
            if (fix && result.pack() != null) {
                CheckOptions forced = cfg.options(result.pack().id());
                SafeFixes.Result fixed = SafeFixes.apply(result, t -> checker.check(t, new LineIndex(t), forced,
                        name -> false, () -> false));
                if (!fixed.applied().isEmpty()) {
                    try {
                        CardText.write(card, fixed.text());
                        err.println(card + ": fixed: " + String.join("; ", fixed.applied()));
                        result = fixed.check();
                    } catch (IOException e) {
                        err.println(card + ": cannot write the fixes: " + e.getMessage());
                        unreadable = true;
                    }
                }
            }
            List<Diagnostic> diagnostics = Diagnostics.of(result.findings(), result.card().lines());
            if (result.pack() == null) {
                skipped++;
            } else {
                checked++;
            }
            for (Finding f : result.findings()) {
                counts.merge(f.severity(), 1, Integer::sum);
                failed |= fails(f.severity());
            }
            if (format == Format.json) {
                JsonObject o = new JsonObject();
                o.addProperty("uri", card.toAbsolutePath().normalize().toUri().toString());
                o.addProperty("template", result.pack() == null ? null : result.pack().id());
                o.add("diagnostics", gson.toJsonTree(diagnostics));
                json.add(o);
            } else if (result.pack() == null) {
                out.println(card + ": skipped, not a model card (no template matched)");
            } else {
                for (Diagnostic d : diagnostics) {
                    out.println(card + ":" + (d.getRange().getStart().getLine() + 1) + ":"
                            + (d.getRange().getStart().getCharacter() + 1) + ": " + word(d.getSeverity()) + " "
                            + d.getCode().getLeft() + " " + d.getMessage());
                }
            }
        }
        if (format == Format.json) {
            // Diagnostics were turned into trees the way the server writes them (no null fields); only the
            // explicit null of "template" for a file that is not a card survives serializeNulls.
            out.println(new MessageJsonHandler(Map.of()).getDefaultGsonBuilder().setPrettyPrinting().serializeNulls()
                    .create().toJson(json));
        } else {
            out.println(summary(checked, skipped, counts));
        }
        out.flush();
        if (unreadable) {
            return 2;
        }
        return failed ? 1 : 0;
    }

    private boolean fails(DiagnosticSeverity s) {
        return switch (failOn) {
            case never -> false;
            case error -> s == DiagnosticSeverity.Error;
            case warning -> s == DiagnosticSeverity.Error || s == DiagnosticSeverity.Warning;
        };
    }

    static String word(DiagnosticSeverity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String summary(int checked, int skipped, Map<DiagnosticSeverity, Integer> counts) {
        String found = counts.isEmpty() ? "no problems" : counts.entrySet().stream()
                .map(e -> e.getValue() + " " + word(e.getKey())
                        + (e.getValue() == 1 || e.getKey() == DiagnosticSeverity.Information ? "" : "s"))
                .collect(Collectors.joining(", "));
        return checked + (checked == 1 ? " card" : " cards") + " checked"
                + (skipped > 0 ? ", " + skipped + " skipped" : "") + ": " + found + ".";
    }

    /** The bundled template ids, for help and shell completion. */
    static final class TemplateIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PackRegistry.bundled().templates().stream().map(p -> p.id()).iterator();
        }
    }
}
