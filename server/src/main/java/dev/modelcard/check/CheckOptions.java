package dev.modelcard.check;

import dev.modelcard.pack.Code;
import dev.modelcard.pack.GlossaryTerm;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.pack.RulePack;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * What the user configured for a card (client settings and {@code .modelcard.yaml}, already merged): the pack to
 * use, a severity or "off" per code, and extra placeholders, accepted placeholder texts and glossary terms.
 */
public final class CheckOptions {
    private static final Pattern EMPHASIS_MARKS = Pattern.compile("^[*_]+|[*_]+$");
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

    /**
     * Whether a placeholder's text (without its emphasis markers) is one the user accepts, for the placeholders of
     * one card of {@code length} chars: each pattern has one budget for the card, and a pattern that spends it is
     * dropped for the rest of the card, named in {@code skipped}.
     */
    Predicate<String> acceptor(int length, List<String> skipped) {
        if (accept.isEmpty()) {
            return found -> false;
        }
        List<Pattern> live = new ArrayList<>(accept);
        Map<Pattern, RegexBudget.Budget> budgets = new HashMap<>();
        return found -> {
            String bare = EMPHASIS_MARKS.matcher(found.strip()).replaceAll("").strip();
            for (Iterator<Pattern> it = live.iterator(); it.hasNext(); ) {
                Pattern p = it.next();
                try {
                    RegexBudget.Budget b = budgets.computeIfAbsent(p, x -> new RegexBudget.Budget(length));
                    if (RegexBudget.matcher(p, bare, b).matches()) {
                        return true;
                    }
                } catch (RegexBudget.Exceeded e) {
                    skipped.add("accept: " + e.getMessage());
                    it.remove();
                }
            }
            return false;
        };
    }
}
