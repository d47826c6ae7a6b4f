package dev.modelcard.check;

import dev.modelcard.pack.Code;
import dev.modelcard.pack.GlossaryTerm;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.pack.RulePack;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * What the user configured for a card (client settings and {@code .modelcard.yaml}, already merged): the pack to
 * use, a severity or "off" per code, and extra placeholders, accepted placeholder texts and glossary terms.
 */
public final class CheckOptions {
    public static final CheckOptions DEFAULT = new CheckOptions(null, Map.of(), List.of(), List.of(), List.of());

    private final String template;
    private final Map<Code, Optional<DiagnosticSeverity>> rules;
    private final List<PlaceholderRule> placeholders;
    private final List<Pattern> accept;
    private final List<GlossaryTerm> glossary;
    /** Each pack with this configuration's placeholders and terms added, made once. */
    private final Map<RulePack, RulePack> extended = new ConcurrentHashMap<>();

    /**
     * @param template a pack id, or null to detect it
     * @param rules per code: a severity, or empty for "off"
     * @param accept placeholder texts to accept (whole-text, case-insensitive)
     */
    public CheckOptions(String template, Map<Code, Optional<DiagnosticSeverity>> rules,
            List<PlaceholderRule> placeholders, List<Pattern> accept, List<GlossaryTerm> glossary) {
        this.template = template;
        this.rules = rules.isEmpty() ? Map.of() : new EnumMap<>(rules);
        this.placeholders = List.copyOf(placeholders);
        this.accept = List.copyOf(accept);
        this.glossary = List.copyOf(glossary);
    }

    public static CheckOptions template(String template) {
        return new CheckOptions(template, Map.of(), List.of(), List.of(), List.of());
    }

    /** The same options with another pack (one named on the command line, or the card's own for a re-check). */
    public CheckOptions withTemplate(String id) {
        return new CheckOptions(id, rules, placeholders, accept, glossary);
    }

    public String template() {
        return template;
    }

    public Map<Code, Optional<DiagnosticSeverity>> rules() {
        return rules;
    }

    public List<PlaceholderRule> placeholders() {
        return placeholders;
    }

    public List<Pattern> accept() {
        return accept;
    }

    public List<GlossaryTerm> glossary() {
        return glossary;
    }

    RulePack extend(RulePack pack) {
        if (placeholders.isEmpty() && glossary.isEmpty()) {
            return pack;
        }
        return extended.computeIfAbsent(pack, p -> p.withExtras(placeholders, glossary));
    }

    /** True when a placeholder's text (without its emphasis markers) is one the user accepts. */
    boolean accepts(String found) {
        String bare = found.strip().replaceAll("^[*_]+|[*_]+$", "").strip();
        return accept.stream().anyMatch(p -> {
            try {
                return RegexBudget.matcher(p, bare, bare.length()).matches();
            } catch (RegexBudget.Exceeded e) {
                return false;
            }
        });
    }
}
