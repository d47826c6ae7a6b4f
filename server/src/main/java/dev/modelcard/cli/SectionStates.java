package dev.modelcard.cli;

import dev.modelcard.check.CheckResult;
import dev.modelcard.cli.output.Outcome.SectionState;
import dev.modelcard.features.Completeness;
import dev.modelcard.pack.Requirement;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.List;

/**
 * How each template section stands in a checked card, for the completeness report: the lens's own states
 * ({@link Completeness#states}), with an absent optional section told apart from a missing one.
 */
final class SectionStates {
    private SectionStates() {}

    static List<SectionState> of(CheckResult r) {
        List<SectionRule> sections = r.pack().allSections();
        List<Completeness.State> states = Completeness.states(r);
        List<SectionState> out = new ArrayList<>(states.size());
        for (int i = 0; i < states.size(); i++) {
            out.add(switch (states.get(i)) {
                case MISSING -> sections.get(i).requirement() == Requirement.OPTIONAL ? SectionState.OPTIONAL_ABSENT
                        : SectionState.MISSING;
                case EMPTY -> SectionState.EMPTY;
                case PLACEHOLDER -> SectionState.PLACEHOLDER;
                case COMPLETE -> SectionState.COMPLETE;
            });
        }
        return out;
    }
}
