package dev.modelcard.cli;

import dev.modelcard.cli.output.GithubOutput;
import dev.modelcard.cli.output.JsonOutput;
import dev.modelcard.cli.output.Output;
import dev.modelcard.cli.output.SarifOutput;
import dev.modelcard.cli.output.Summary;
import dev.modelcard.cli.output.TextOutput;
import dev.modelcard.files.CardFiles;
import dev.modelcard.files.Walk;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.RulePack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DiagnosticSeverity;
import picocli.CommandLine;
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

    // The option names, shared by the annotations and the plain command line (see plain()).
    static final String TEMPLATE = "--template";
    static final String FORMAT = "--format";
    static final String FAIL_ON = "--fail-on";
    static final String PACK = "--pack";
    static final String CONFIG = "--config";
    static final String FIX = "--fix";

    @Spec
    CommandSpec spec;

    @Option(names = TEMPLATE, paramLabel = "ID",
            description = "Check every card against this pack (${COMPLETION-CANDIDATES}) instead of detecting it.",
            completionCandidates = TemplateIds.class)
    String template;

    @Option(names = FORMAT, paramLabel = "FORMAT",
            description = "Output: text (path:line:column: severity code message), json (LSP diagnostics per "
                    + "file), sarif (SARIF 2.1.0, for code scanning) or github (annotations in a GitHub Actions "
                    + "job). Default: ${DEFAULT-VALUE}.")
    Format format = Format.text;

    @Option(names = FAIL_ON, paramLabel = "LEVEL",
            description = "Exit 1 when a diagnostic at or above this level is found: error, warning or never. "
                    + "Default: ${DEFAULT-VALUE}.")
    FailOn failOn = FailOn.warning;

    @Option(names = PACK, paramLabel = "FILE",
            description = "An extra rule pack file (repeatable); a pack with a bundled pack's id replaces it.")
    List<Path> extraPacks = new ArrayList<>();

    @Option(names = CONFIG, paramLabel = "FILE",
            description = "Use this configuration file for every card, instead of the nearest .modelcard.yaml above "
                    + "each card (searched up to the folder holding .git, or the file system root).")
    Path configFile;

    @Option(names = FIX,
            description = "Insert the missing sections (with the template's guidance) and update the table of "
                    + "contents, in place; say what changed, then report what is left.")
    boolean fix;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Card files or folders.")
    List<Path> paths;

    /** The engine and the folder listing; tests replace them to see a card fail, a folder refuse listing. */
    CardRun.Engine engine = CardRun.ENGINE;
    CardFiles.Lister lister = CardFiles::list;

    @Override
    public Integer call() {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr(), badUsage(spec));
    }

    /**
     * {@code check [OPTION...] PATH...} read without picocli, or null for any other command line. Picocli's set-up
     * (reflection over every command, and classes too old for the class-data archive) takes longer than checking
     * a card, and a pre-commit hook starts the checker on every commit. Only the plain forms are read here: each
     * option by its name, its value in the next argument; anything else (help, version, {@code --name=value},
     * {@code @file}, {@code --}, an unknown option, a bad or repeated value, no path) goes to picocli whole, so
     * that its reading and messages stay the only ones.
     */
    static CheckCommand plain(String[] args) {
        if (args.length < 2 || !args[0].equals("check")) {
            return null;
        }
        CheckCommand c = new CheckCommand();
        c.paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                if (a.isEmpty() || a.charAt(0) == '@') {
                    return null;
                }
                if (a.charAt(0) != '-') {
                    c.paths.add(Path.of(a));
                    continue;
                }
                if (!a.equals(PACK) && !seen.add(a)) {
                    return null;
                }
                if (a.equals(FIX)) {
                    c.fix = true;
                    continue;
                }
                String v = i + 1 < args.length ? args[++i] : "";
                if (v.isEmpty() || v.charAt(0) == '-' || v.charAt(0) == '@') {
                    return null;
                }
                switch (a) {
                    case TEMPLATE -> c.template = v;
                    case FORMAT -> c.format = Format.valueOf(v);
                    case FAIL_ON -> c.failOn = FailOn.valueOf(v);
                    case PACK -> c.extraPacks.add(Path.of(v));
                    case CONFIG -> c.configFile = Path.of(v);
                    default -> {
                        return null;
                    }
                }
            }
        } catch (IllegalArgumentException e) { // an unknown enum value, a path the file system cannot name
            return null;
        }
        return c.paths.isEmpty() ? null : c;
    }

    /** Runs a command from {@link #plain}; a usage error is reported by picocli, as if it had read the line. */
    int runPlain(PrintWriter out, PrintWriter err, String[] args) {
        try {
            return run(out, err, PlainUsage::new);
        } catch (PlainUsage e) {
            return PlainUsage.report(e.getMessage(), out, err, args);
        }
    }

    /**
     * A usage error found on the plain command line, reported by picocli. Picocli's classes are loaded only then:
     * they are too old for the class-data archive, and a check that names them is slower to start.
     */
    private static final class PlainUsage extends RuntimeException {
        PlainUsage(String message) {
            super(message, null, false, false);
        }

        static int report(String message, PrintWriter out, PrintWriter err, String[] args) {
            CommandLine root = new CommandLine(new Main()).setOut(out).setErr(err);
            ParameterException e = new ParameterException(root.getSubcommands().get("check"), message);
            try {
                return e.getCommandLine().getParameterExceptionHandler().handleParseException(e, args);
            } catch (Exception unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    private int run(PrintWriter out, PrintWriter err, Function<String, ? extends RuntimeException> badUsage) {
        // The folders are walked while the packs load, and checking starts with the first card found.
        try (Walk inputs = Walk.start(paths, lister)) {
            Setup setup = Setup.of(badUsage, template, extraPacks, configFile, err);
            Output output = switch (format) {
                case text -> new TextOutput(out);
                case json -> new JsonOutput(out);
                case sarif -> new SarifOutput(out, Path.of(""), Main.version(), Main.RULES_URL);
                case github -> new GithubOutput(out, Path.of(""));
            };
            CardRun run = new CardRun(setup.configs(), engine, fix, false, err, Progress.forTerminal(err));
            Summary summary = run.run(inputs, output);
            out.flush();
            err.flush();
            if (setup.packsBroken() || summary.problems() > 0 || setup.configs().broken()) {
                return 2;
            }
            for (DiagnosticSeverity s : summary.counts().keySet()) {
                if (fails(s)) {
                    return 1;
                }
            }
            return 0;
        }
    }

    /** A usage error of this command, as picocli reports one it finds itself. */
    static Function<String, ParameterException> badUsage(CommandSpec spec) {
        return message -> new ParameterException(spec.commandLine(), message);
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
        static Setup of(Function<String, ? extends RuntimeException> badUsage, String template, List<Path> extraPacks,
                Path configFile, PrintWriter err) {
            PackRegistry packs = extraPacks.isEmpty() ? PackRegistry.bundled() : PackRegistry.withFiles(extraPacks);
            for (PackProblem p : packs.problems()) {
                err.println(p + " (pack not used)");
            }
            if (template != null && packs.get(template).isEmpty()) {
                throw badUsage.apply("Unknown template '" + template + "'; known: "
                        + packs.templates().stream().map(RulePack::id).collect(Collectors.joining(", ")));
            }
            if (configFile != null && !Files.isRegularFile(configFile)) {
                throw badUsage.apply("No such configuration file: " + configFile);
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
