package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Template sections out of the template's order among their template siblings. The fewest sections are
 * reported: those outside the longest run that is in order.
 */
final class SectionOrderCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        RulePack pack = ctx.pack();
        Outline outline = ctx.outline();
        Map<String, List<Heading>> groups = new LinkedHashMap<>();
        for (SectionRule s : pack.allSections()) {
            List<Heading> seen = outline.occurrences(s);
            if (!seen.isEmpty()) {
                String parent = pack.parent(s).map(SectionRule::id).orElse("");
                groups.computeIfAbsent(parent, k -> new ArrayList<>()).add(seen.get(0));
            }
        }
        for (List<Heading> group : groups.values()) {
            group.sort((a, b) -> Integer.compare(a.start(), b.start()));
            int n = group.size();
            int[] rank = new int[n];
            for (int i = 0; i < n; i++) {
                rank[i] = pack.orderOf(outline.sectionOf(group.get(i)));
            }
            boolean[] inOrder = longestIncreasing(rank);
            for (int i = 0; i < n; i++) {
                if (!inOrder[i]) {
                    report(ctx, group, rank, inOrder, i);
                }
            }
        }
    }

    private static void report(CheckContext ctx, List<Heading> group, int[] rank, boolean[] inOrder, int i) {
        Heading h = group.get(i);
        SectionRule s = ctx.outline().sectionOf(h);
        // Name the in-order neighbour it belongs after (or, failing that, before).
        Heading after = null;
        Heading before = null;
        for (int j = 0; j < group.size(); j++) {
            if (!inOrder[j]) {
                continue;
            }
            if (rank[j] < rank[i]) {
                after = group.get(j);
            } else if (before == null) {
                before = group.get(j);
            }
        }
        String place = after != null
                ? "after " + Requirements.quote(ctx.outline().sectionOf(after).title())
                : "before " + Requirements.quote(ctx.outline().sectionOf(before).title());
        String message = "Section " + Requirements.quote(s.title()) + " is out of order: the " + ctx.pack().name()
                + " puts it " + place + ".";
        ctx.report().accept(new Finding(Code.SECTION_ORDER, h.start(), h.end(), DiagnosticSeverity.Information,
                message, s.id()));
    }

    /** Marks one longest strictly increasing subsequence (patience sorting, n log n). */
    static boolean[] longestIncreasing(int[] a) {
        int n = a.length;
        int[] tails = new int[n];
        int[] prev = new int[n];
        int len = 0;
        for (int i = 0; i < n; i++) {
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (a[tails[mid]] < a[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            prev[i] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = i;
            if (lo == len) {
                len++;
            }
        }
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, false);
        for (int i = len > 0 ? tails[len - 1] : -1; i >= 0; i = prev[i]) {
            keep[i] = true;
        }
        return keep;
    }
}
