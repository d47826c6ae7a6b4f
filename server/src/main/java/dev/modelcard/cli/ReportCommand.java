package dev.modelcard.cli;

import dev.modelcard.cli.output.HtmlReport;
import dev.modelcard.cli.output.Summary;
import dev.modelcard.files.CardFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code modelcard-ls report}: how complete many cards are, as one HTML page. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Write an HTML completeness report of many cards, for a team or a model zoo.",
        description = {
            "One self-contained page (nothing from the network): per template, a matrix of cards and template "
                    + "sections (complete, empty, placeholder, missing), each card's completeness, totals per "
                    + "section, filters, and every finding linked to its file and line. PATHs are found as by check.",
            "",
            "Exit status: 0 written; 2 bad usage, the page cannot be written, or input that could not be read or "
                    + "checked (each is named on stderr and in the page)."
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "The page to write.")
    Path html;

    @Option(names = "--template", paramLabel = "ID",
            description = "Check every card against this pack (${COMPLETION-CANDIDATES}) instead of detecting it.",
            completionCandidates = CheckCommand.TemplateIds.class)
    String template;

    @Option(names = "--pack", paramLabel = "FILE", description = "An extra rule pack file (repeatable).")
    List<Path> extraPacks = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file for every card, instead of the nearest .modelcard.yaml.")
    Path configFile;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Card files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CheckCommand.Setup setup = CheckCommand.Setup.of(CheckCommand.badUsage(spec), template, extraPacks, configFile, err);
        Path folder = html.toAbsolutePath().normalize().getParent();
        Summary summary;
        try {
            Files.createDirectories(folder);
            try (PrintWriter page = new PrintWriter(Files.newBufferedWriter(html, StandardCharsets.UTF_8))) {
                CardRun run = new CardRun(setup.configs(), CardRun.ENGINE, false, true, err,
                        Progress.forTerminal(err));
                summary = run.run(CardFiles.inputs(paths), new HtmlReport(page, folder));
                if (page.checkError()) {
                    throw new IOException("write failed");
                }
            }
        } catch (IOException e) {
            err.println(html + ": cannot write the report: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println(html + ": " + summary.line());
        return setup.packsBroken() || summary.problems() > 0 || setup.configs().broken() ? 2 : 0;
    }
}
