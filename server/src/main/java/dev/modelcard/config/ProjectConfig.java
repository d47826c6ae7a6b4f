package dev.modelcard.config;

import dev.modelcard.check.CheckOptions;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.GlossaryTerm;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.pack.Severities;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * A configuration: a {@code .modelcard.yaml} file (with what it extends), or the client's settings, or both
 * merged. Immutable.
 *
 * @param files the configuration files it was read from, nearest last (empty for client settings alone)
 * @param template a pack id, or null to detect it
 * @param rules per code: "off" or a severity word
 * @param packs extra rule pack files, absolute
 * @param ignore card files to skip, each glob with the folder it is relative to
 * @param problems what was wrong in the files (the rest of them still applies)
 */
public record ProjectConfig(List<Path> files, String template, Map<String, String> rules, List<Path> packs,
        List<PlaceholderRule> placeholders, List<Pattern> accept, List<GlossaryTerm> glossary, List<Ignore> ignore,
        List<PackProblem> problems) {
    public static final ProjectConfig EMPTY = new ProjectConfig(List.of(), null, Map.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());

    /** A glob of card paths, relative to {@code base}. */
    public record Ignore(Path base, String glob, PathMatcher matcher) {}

    /** This configuration with {@code over}'s keys on top: its template and rules win, its lists add. */
    public ProjectConfig with(ProjectConfig over) {
        Map<String, String> mergedRules = new LinkedHashMap<>(rules);
        mergedRules.putAll(over.rules);
        return new ProjectConfig(concat(files, over.files), over.template != null ? over.template : template,
                mergedRules, concat(packs, over.packs), concat(placeholders, over.placeholders),
                concat(accept, over.accept), concat(glossary, over.glossary), concat(ignore, over.ignore),
                concat(problems, over.problems));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** True when one of the ignore globs matches the card. */
    public boolean ignores(Path card) {
        Path abs = card.toAbsolutePath().normalize();
        for (Ignore i : ignore) {
            if (abs.startsWith(i.base()) && i.matcher().matches(i.base().relativize(abs))) {
                return true;
            }
        }
        return false;
    }

    /** What the checker takes from it. */
    public CheckOptions options() {
        Map<Code, Optional<DiagnosticSeverity>> severities = new EnumMap<>(Code.class);
        rules.forEach((code, word) -> Code.of(code).ifPresent(c -> severities.put(c, Severities.parse(word))));
        return new CheckOptions(template, severities, placeholders, accept, glossary);
    }
}
