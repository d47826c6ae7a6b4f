package dev.modelcard.edits;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Outline;
import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Requirement;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The edits that add missing sections to a card. A missing section brings its missing required and recommended
 * subsections (they are not reported while it is missing). Each goes to its own template place among its
 * template siblings, which is all the order check compares: after the previous siblings (present or inserted),
 * before the next sibling that is in place, and above the subsections of its own that the card already has.
 */
final class Insertions {
    private final CheckResult r;
    private final RulePack pack;
    private final Outline outline;
    private final CardDocument card;
    private final Map<SectionRule, Integer> planned = new HashMap<>();
    /** The latest place each section to insert may take so that what follows it can still be in order. */
    private final Map<SectionRule, Integer> ceiling = new HashMap<>();

    private Insertions(CheckResult r) {
        this.r = r;
        this.pack = r.pack();
        this.outline = r.outline();
        this.card = r.card();
    }

    static List<Edit> of(CheckResult r, List<SectionRule> missing) {
        return new Insertions(r).edits(missing);
    }

    /** Where a missing section would go, were it inserted alone. */
    static int place(CheckResult r, SectionRule s) {
        return new Insertions(r).place(s);
    }

    private List<Edit> edits(List<SectionRule> missing) {
        Set<SectionRule> all = new LinkedHashSet<>();
        missing.forEach(s -> expand(s, all));
        List<SectionRule> order = pack.allSections();
        for (int i = order.size() - 1; i >= 0; i--) { // later siblings and subsections first
            if (all.contains(order.get(i))) {
                ceiling.put(order.get(i), ceiling(order.get(i)));
            }
        }
        Map<Integer, StringBuilder> byPlace = new TreeMap<>();
        for (SectionRule s : order) { // template order: parents and earlier siblings are placed first
            if (all.contains(s)) {
                int at = Math.min(place(s), ceiling.get(s));
                planned.put(s, at);
                byPlace.computeIfAbsent(at, k -> new StringBuilder()).append(SectionText.missing(s));
            }
        }
        String eol = LineEnding.of(card.text());
        List<Edit> edits = new ArrayList<>();
        byPlace.forEach((at, text) -> edits.add(Placement.insertBlocks(card.text(), at, text.toString(), eol)));
        return edits;
    }

    private void expand(SectionRule s, Set<SectionRule> out) {
        out.add(s);
        for (SectionRule child : s.children()) {
            if (child.requirement() != Requirement.OPTIONAL && !outline.isAnswered(child)) {
                expand(child, out);
            }
        }
    }

    /**
     * Above its subsections that the card has, above the next sibling that is in place, and no lower than the
     * sections to insert after it (its later siblings and its subsections) may go.
     */
    private int ceiling(SectionRule s) {
        int ceil = Integer.MAX_VALUE;
        for (SectionRule d : descendants(s)) {
            if (outline.isPresent(d)) {
                ceil = Math.min(ceil, Placement.before(card, outline.occurrences(d).get(0)));
            }
            ceil = Math.min(ceil, ceiling.getOrDefault(d, Integer.MAX_VALUE));
        }
        SectionRule parent = pack.parent(s).orElse(null);
        List<SectionRule> siblings = parent == null ? pack.sections() : parent.children();
        for (SectionRule next : siblings.subList(siblings.indexOf(s) + 1, siblings.size())) {
            ceil = Math.min(ceil, ceiling.getOrDefault(next, Integer.MAX_VALUE));
            if (inPlace(next)) {
                ceil = Math.min(ceil, Placement.before(card, outline.occurrences(next).get(0)));
                break;
            }
        }
        return ceil;
    }

    private int place(SectionRule s) {
        SectionRule parent = pack.parent(s).orElse(null);
        int floor = -1;
        if (parent != null && planned.containsKey(parent)) {
            floor = planned.get(parent);
        } else if (parent != null && outline.isPresent(parent)) {
            floor = Placement.afterBody(card, outline.occurrences(parent).get(0));
        }
        List<SectionRule> siblings = parent == null ? pack.sections() : parent.children();
        int self = siblings.indexOf(s);
        for (SectionRule previous : siblings.subList(0, self)) {
            if (planned.containsKey(previous)) {
                floor = Math.max(floor, planned.get(previous));
            } else if (inPlace(previous)) {
                floor = Math.max(floor, sectionEnd(outline.occurrences(previous).get(0)));
            }
        }
        int best = Integer.MAX_VALUE;
        for (SectionRule next : siblings.subList(self + 1, siblings.size())) {
            if (inPlace(next)) {
                best = candidate(best, Placement.before(card, outline.occurrences(next).get(0)), floor);
                break;
            }
        }
        for (SectionRule d : descendants(s)) {
            if (outline.isPresent(d)) {
                best = candidate(best, Placement.before(card, outline.occurrences(d).get(0)), floor);
            }
        }
        return best != Integer.MAX_VALUE ? best : floor >= 0 ? floor : card.text().length();
    }

    /**
     * Where a template section ends: before the next heading of its level or above, or before the next heading of
     * a template section that is not one of its own subsections (so a heading a level too high does not swallow
     * the card's next sections), or at the text end.
     */
    private int sectionEnd(Heading h) {
        SectionRule section = outline.sectionOf(h);
        List<Heading> all = card.headings();
        for (int i = h.index() + 1; i < all.size(); i++) {
            Heading next = all.get(i);
            SectionRule s = outline.sectionOf(next);
            if (next.level() <= h.level() || s != null && !isUnder(s, section)) {
                return Placement.before(card, next);
            }
        }
        return card.text().length();
    }

    private boolean isUnder(SectionRule s, SectionRule ancestor) {
        for (SectionRule p = pack.parent(s).orElse(null); p != null; p = pack.parent(p).orElse(null)) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static int candidate(int best, int at, int floor) {
        return at >= floor ? Math.min(best, at) : best;
    }

    private boolean inPlace(SectionRule s) {
        return outline.isPresent(s) && outline.inTemplateOrder(outline.occurrences(s).get(0));
    }

    private List<SectionRule> descendants(SectionRule s) {
        List<SectionRule> out = new ArrayList<>();
        for (SectionRule c : s.children()) {
            out.add(c);
            out.addAll(descendants(c));
        }
        return out;
    }
}
