package dev.modelcard.cli;

import dev.modelcard.edits.SectionText;
import dev.modelcard.files.CardText;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code modelcard-ls new}: a fresh card with every section of a template, ready to fill. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Write a new model card from a template, ready to fill in.",
        description = {
            "The card has every section, the template's guidance as HTML comments and its skeletons (field "
                    + "lists, tables). An existing file is never overwritten.",
            "Exit status: 0 written, 2 bad usage or the file exists."
        })
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--template", paramLabel = "ID", required = true,
            description = "The template: ${COMPLETION-CANDIDATES}.", completionCandidates = CheckCommand.TemplateIds.class)
    String template;

    @Option(names = "--pack", paramLabel = "FILE", description = "An extra rule pack file (repeatable).")
    List<Path> extraPacks = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..1", defaultValue = "README.md",
            description = "The card to write; a folder gets a README.md. Default: ${DEFAULT-VALUE}.")
    Path path;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PackRegistry packs = extraPacks.isEmpty() ? PackRegistry.bundled() : PackRegistry.withFiles(extraPacks);
        RulePack pack = packs.get(template).filter(p -> !p.sections().isEmpty()).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "Unknown template '" + template + "'; known: "
                        + packs.templates().stream().filter(p -> !p.sections().isEmpty()).map(RulePack::id)
                                .collect(Collectors.joining(", "))));
        Path target = Files.isDirectory(path) ? path.resolve("README.md") : path;
        if (Files.exists(target)) {
            err.println(target + ": already exists; not overwritten (choose another path or remove it)");
            return 2;
        }
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            CardText.write(target, card(pack));
        } catch (IOException e) {
            err.println(target + ": cannot write: " + e.getMessage());
            return 2;
        }
        spec.commandLine().getOut().println(target + ": written from the " + pack.name() + " ("
                + pack.allSections().size() + " sections to fill in)");
        return 0;
    }

    static String card(RulePack pack) {
        StringBuilder b = new StringBuilder("#".repeat(pack.title().map(t -> t.level()).orElse(1)))
                .append(" [Model Name]\n\n");
        pack.title().map(t -> t.guidance()).filter(g -> g != null)
                .ifPresent(g -> b.append(SectionText.comment(g)).append("\n\n"));
        for (SectionRule s : pack.sections()) {
            b.append(SectionText.fresh(s));
        }
        return b.toString().stripTrailing() + "\n";
    }
}
