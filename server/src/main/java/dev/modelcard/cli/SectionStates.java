package dev.modelcard.cli;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.cli.output.Outcome.SectionState;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.Requirement;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How each template section stands in a checked card, for the completeness report. */
final class SectionStates {
    private SectionStates() {}

    static List<SectionState> of(CheckResult r) {
        Set<String> withPlaceholders = new HashSet<>();
        for (Finding f : r.findings()) {
            if (f.code() == Code.PLACEHOLDER && f.section() != null) {
                withPlaceholders.add(f.section());
            }
        }
        List<SectionState> out = new ArrayList<>();
        for (SectionRule s : r.pack().allSections()) {
            List<Heading> seen = r.outline().occurrences(s);
            if (seen.isEmpty()) {
                out.add(s.requirement() == Requirement.OPTIONAL ? SectionState.OPTIONAL_ABSENT
                        : SectionState.MISSING);
            } else if (r.outline().isEmpty(seen.get(0))) {
                out.add(SectionState.EMPTY);
            } else if (withPlaceholders.contains(s.id())) {
                out.add(SectionState.PLACEHOLDER);
            } else {
                out.add(SectionState.COMPLETE);
            }
        }
        return out;
    }
}
