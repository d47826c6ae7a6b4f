package dev.modelcard.features;

import dev.modelcard.check.BoldLabels;
import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.check.Outline;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.Requirement;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How complete a card is, over the template's required and recommended sections: how many are complete (present,
 * not empty, free of placeholders), how many are there but still to fill (empty, or holding a placeholder), and
 * how many are missing. Inserting a missing section moves it from missing to "to fill", so the user sees the step.
 */
public record Completeness(String template, int complete, int toFill, int missing, int total) {

    /** Where a template section stands in a card. */
    public enum State { COMPLETE, EMPTY, PLACEHOLDER, MISSING }

    public static Completeness of(CheckResult r) {
        List<SectionRule> sections = r.pack().allSections();
        List<State> states = states(r);
        int total = 0;
        int complete = 0;
        int missing = 0;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).requirement() == Requirement.OPTIONAL) {
                continue;
            }
            total++;
            complete += states.get(i) == State.COMPLETE ? 1 : 0;
            missing += states.get(i) == State.MISSING ? 1 : 0;
        }
        return new Completeness(r.pack().shortName(), complete, total - complete - missing, missing, total);
    }

    /**
     * Each of the template's sections ({@link dev.modelcard.pack.RulePack#allSections()} order): missing when
     * neither a heading nor a bold label stands for it, else empty, else holding a placeholder, else complete.
     */
    public static List<State> states(CheckResult r) {
        Outline outline = r.outline();
        Set<String> withPlaceholders = new HashSet<>();
        for (Finding f : r.findings()) {
            if (f.code() == Code.PLACEHOLDER && f.section() != null) {
                withPlaceholders.add(f.section());
            }
        }
        List<State> out = new ArrayList<>();
        for (SectionRule s : r.pack().allSections()) {
            List<Heading> seen = outline.occurrences(s);
            BoldLabels.Label label = outline.label(s);
            if (seen.isEmpty() && label == null) {
                out.add(State.MISSING);
            } else if (seen.isEmpty() ? label.empty() : outline.isEmpty(seen.get(0))) {
                out.add(State.EMPTY);
            } else {
                out.add(withPlaceholders.contains(s.id()) ? State.PLACEHOLDER : State.COMPLETE);
            }
        }
        return out;
    }

    /**
     * "CZI model card · 14 of 20 sections complete · 2 to fill · 4 missing" (parts that are 0 left out); for a
     * pack without sections (a Hub card in a layout of its own) what is checked instead.
     */
    public String label() {
        if (total == 0) {
            return template + " \u00b7 any layout: metadata and leftovers checked";
        }
        return template + " \u00b7 " + complete + " of " + total + " sections complete"
                + (toFill == 0 ? "" : " \u00b7 " + toFill + " to fill")
                + (missing == 0 ? "" : " \u00b7 " + missing + " missing");
    }
}
