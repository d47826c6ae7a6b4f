package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Template sections among their template siblings, in document order, with the longest run that follows the
 * template's order marked. What lies outside that run is out of order; what lies in it is a safe anchor.
 */
final class Ordering {
    /** Siblings in document order; {@code rank} is each one's template position, {@code inOrder} the run. */
    record Group(List<Heading> headings, int[] rank, boolean[] inOrder) {}

    private Ordering() {}

    static List<Group> groups(RulePack pack, Outline outline) {
        Map<String, List<Heading>> byParent = new LinkedHashMap<>();
        for (SectionRule s : pack.allSections()) {
            List<Heading> seen = outline.occurrences(s);
            if (!seen.isEmpty()) {
                String parent = pack.parent(s).map(SectionRule::id).orElse("");
                byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(seen.get(0));
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<Heading> group : byParent.values()) {
            group.sort((a, b) -> Integer.compare(a.start(), b.start()));
            int[] rank = new int[group.size()];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = pack.orderOf(outline.sectionOf(group.get(i)));
            }
            groups.add(new Group(group, rank, longestIncreasing(rank)));
        }
        return groups;
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
        for (int i = len > 0 ? tails[len - 1] : -1; i >= 0; i = prev[i]) {
            keep[i] = true;
        }
        return keep;
    }
}
