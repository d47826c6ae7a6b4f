package dev.modelcard.cli;

import dev.modelcard.cli.output.GithubOutput;
import dev.modelcard.cli.output.JsonOutput;
import dev.modelcard.cli.output.Output;
import dev.modelcard.cli.output.SarifOutput;
import dev.modelcard.cli.output.Summary;
import dev.modelcard.cli.output.TextOutput;
import dev.modelcard.files.CardFiles;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.RulePack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DiagnosticSeverity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code modelcard-ls check}: the same checks as the server, for CI. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Check model cards against their templates, for CI and pre-commit.",
        description = {
            "A PATH is a card file or a folder, searched recursively for README.md, MODEL_CARD.md, model_card.md "
                    + "and *.modelcard.md (hidden folders and build output are passed over). Files that are not "
                    + "model cards are skipped.",
            "",
            "Exit status: 0 clean; 1 a diagnostic at or above --fail-on; 2 bad usage, or input that could not be "
                    + "read or checked (each is named on stderr)."
        })
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json, sarif, github }

    enum FailOn { error, warning, never }

    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "ID",
            description = "Check every card against this pack (${COMPLETION-CANDIDATES}) instead of detecting it.",
            completionCandidates = TemplateIds.class)
    String template;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (path:line:column: severity code message), json (LSP diagnostics per "
                    + "file), sarif (SARIF 2.1.0, for code scanning) or github (annotations in a GitHub Actions "
                    + "job). Default: ${DEFAULT-VALUE}.")
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

    /** The engine and the folder listing; tests replace them to see a card fail, a folder refuse listing. */
    CardRun.Engine engine = CardRun.ENGINE;
    CardFiles.Lister lister = Files::newDirectoryStream;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Setup setup = Setup.of(spec, template, extraPacks, configFile, err);
        Output output = switch (format) {
            case text -> new TextOutput(out);
            case json -> new JsonOutput(out);
            case sarif -> new SarifOutput(out, Path.of(""), Main.version(), Main.RULES_URL);
            case github -> new GithubOutput(out, Path.of(""));
        };
        CardRun run = new CardRun(setup.configs(), engine, fix, false, err, Progress.forTerminal(err));
        Summary summary = run.run(CardFiles.inputs(paths, lister), output);
        out.flush();
        err.flush();
        if (setup.packsBroken() || summary.problems() > 0 || setup.configs().broken()) {
            return 2;
        }
        return summary.counts().keySet().stream().anyMatch(this::fails) ? 1 : 0;
    }

    private boolean fails(DiagnosticSeverity s) {
        return switch (failOn) {
            case never -> false;
            case error -> s == DiagnosticSeverity.Error;
            case warning -> s == DiagnosticSeverity.Error || s == DiagnosticSeverity.Warning;
        };
    }

    /** What {@code check} and {@code report} share: the packs, checked once, and the configurations. */
    record Setup(Configs configs, boolean packsBroken) {
        static Setup of(CommandSpec spec, String template, List<Path> extraPacks, Path configFile, PrintWriter err) {
            PackRegistry packs = extraPacks.isEmpty() ? PackRegistry.bundled() : PackRegistry.withFiles(extraPacks);
            for (PackProblem p : packs.problems()) {
                err.println(p + " (pack not used)");
            }
            if (template != null && packs.get(template).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Unknown template '" + template + "'; known: "
                        + packs.templates().stream().map(RulePack::id).collect(Collectors.joining(", ")));
            }
            if (configFile != null && !Files.isRegularFile(configFile)) {
                throw new ParameterException(spec.commandLine(), "No such configuration file: " + configFile);
            }
            boolean broken = !packs.problems().isEmpty() && !extraPacks.isEmpty();
            return new Setup(new Configs(packs, configFile, extraPacks, template, err), broken);
        }
    }

    /** The bundled template ids, for help and shell completion. */
    static final class TemplateIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return PackRegistry.bundled().templates().stream().map(RulePack::id).iterator();
        }
    }
}
