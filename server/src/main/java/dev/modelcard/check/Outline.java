package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Titles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The card's headings matched to the template's sections. A heading matches a section by its title
 * ({@link Titles#key}) anywhere; by an alias, or by a near title, only where the template puts the section.
 * When several sections share a title, the one under the nearest matched ancestor wins. Leaf sections may also
 * be written as bold labels in their parent ({@link BoldLabels}).
 */
public final class Outline {
    private final CardDocument card;
    private final RulePack pack;
    private final Heading title;
    private final SectionRule[] match;
    /** Headings matched by a title that differs from the template's (see {@link #nearTitle}). */
    private final boolean[] near;
    private final Heading[] parent;
    private final Map<String, List<Heading>> occurrences;
    private final boolean[] empty;
    private final Map<String, BoldLabels.Label> labels;
    /** Per section: whether it holds content, its bold label candidates; the next version starts from it. */
    private final SectionMemo<Facts> facts;
    private final Map<SectionRule, List<List<String>>> nameWords = new HashMap<>();
    /** Finding messages that depend on the pack alone, kept from version to version of the card. */
    private final Map<MessageKey, String> messages;
    /** Headings in their sibling group's in-order run; computed when first asked (only edits need it). */
    private volatile Set<Heading> ordered;

    private Outline(CardDocument card, RulePack pack, Outline previous) {
        this.card = card;
        this.pack = pack;
        List<Heading> headings = card.headings();
        this.parent = new Heading[headings.size()];
        this.occurrences = new LinkedHashMap<>();
        if (previous != null && previous.pack == pack && sameHeadings(previous.card.headings(), headings)) {
            // Matching depends on the headings' levels and titles alone: an edit elsewhere keeps it.
            this.match = previous.match;
            this.near = previous.near;
            for (Heading h : headings) {
                Heading p = previous.parent[h.index()];
                parent[h.index()] = p == null ? null : headings.get(p.index());
                if (match[h.index()] != null) {
                    occurrences.computeIfAbsent(match[h.index()].id(), k -> new ArrayList<>()).add(h);
                }
            }
            this.title = previous.title == null ? null : headings.get(previous.title.index());
        } else {
            this.match = new SectionRule[headings.size()];
            this.near = new boolean[headings.size()];
            matchHeadings(headings);
            this.title = findTitle(headings);
        }
        this.messages = previous != null && previous.pack == pack ? previous.messages : new ConcurrentHashMap<>();
        this.facts = new SectionMemo<>(headings.size());
        List<Facts> each = sectionFacts(previous == null ? null : previous.facts);
        this.empty = emptiness(headings, each);
        List<List<BoldLabels.Candidate>> labelsEach = new ArrayList<>(each.size());
        for (Facts f : each) {
            labelsEach.add(f.labels());
        }
        this.labels = BoldLabels.find(card, pack, this, labelsEach);
    }

    private void matchHeadings(List<Heading> headings) {
        Set<String> titled = titled(headings);
        Deque<Heading> stack = new ArrayDeque<>();
        for (Heading h : headings) {
            while (!stack.isEmpty() && stack.peek().level() >= h.level()) {
                stack.pop();
            }
            parent[h.index()] = stack.peek();
            String key = Titles.key(h.text());
            List<SectionRule> candidates = pack.sectionsByKey(key);
            SectionRule ancestor = ancestorSection(stack);
            // Loops, not streams: this runs for every heading of every card.
            List<SectionRule> byTitle = new ArrayList<>();
            for (SectionRule c : candidates) {
                if (Titles.key(c.title()).equals(key)) {
                    byTitle.add(c);
                }
            }
            SectionRule rule = choose(byTitle, h, ancestor);
            if (rule == null) {
                // An alias is a common word ("Usage", "Hardware", "Code"): it names the section only where the
                // template puts it, and not when the card also has the section under its own title.
                List<SectionRule> byAlias = new ArrayList<>();
                for (SectionRule c : candidates) {
                    if (!titled.contains(c.id()) && placed(c, stack)) {
                        byAlias.add(c);
                    }
                }
                rule = choose(byAlias, h, ancestor);
            }
            if (rule == null) {
                rule = nearTitle(key, stack, titled);
                near[h.index()] = rule != null;
            }
            if (rule != null) {
                match[h.index()] = rule;
                occurrences.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(h);
            }
            stack.push(h);
        }
    }

    public static Outline of(CardDocument card, RulePack pack) {
        return new Outline(card, pack, null);
    }

    /**
     * The outline of a new version of a card, from the outline of the version before: what the edit left alone
     * (the heading matches when no heading changed, each untouched section's facts) is taken over.
     */
    public static Outline of(CardDocument card, RulePack pack, Outline previous) {
        return new Outline(card, pack, previous);
    }

    private static boolean sameHeadings(List<Heading> a, List<Heading> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).level() != b.get(i).level() || !a.get(i).text().equals(b.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /** What a section's own blocks say: whether any is content, and the bold labels they may hold. */
    private record Facts(boolean content, List<BoldLabels.Candidate> labels) {
        Facts moved(int by) {
            return labels.isEmpty() ? this : new Facts(content, labels.stream().map(c -> c.moved(by)).toList());
        }
    }

    /** Each heading's facts, by heading index; taken over from {@code previous} where the section is unchanged. */
    private List<Facts> sectionFacts(SectionMemo<Facts> previous) {
        List<Heading> headings = card.headings();
        List<org.commonmark.node.Node> blocks = card.blocks();
        List<Facts> out = new ArrayList<>(headings.size());
        for (Heading h : headings) {
            int from = h.blockIndex();
            int to = card.sectionEnd(h.index());
            out.add(facts.take(previous, blocks, from, to, null, () -> {
                boolean content = false;
                for (int b = from + 1; b < to && !content; b++) {
                    content = Content.isContent(blocks.get(b));
                }
                return new Facts(content, BoldLabels.candidates(blocks, from + 1, to));
            }, Facts::moved));
        }
        return out;
    }

    /** The sections some heading names by the template's own title. */
    private Set<String> titled(List<Heading> headings) {
        Set<String> out = new HashSet<>();
        for (Heading h : headings) {
            String key = Titles.key(h.text());
            for (SectionRule c : pack.sectionsByKey(key)) {
                if (Titles.key(c.title()).equals(key)) {
                    out.add(c.id());
                }
            }
        }
        return out;
    }

    /** The section of the nearest matched heading on the stack of open headings, or null. */
    private SectionRule ancestorSection(Deque<Heading> stack) {
        for (Heading a : stack) {
            if (match[a.index()] != null) {
                return match[a.index()];
            }
        }
        return null;
    }

    /**
     * True when a section sits where the template puts it: a subsection under one of its template ancestors
     * (template sections without subsections of their own, a table of contents or "Primary Use Cases", do not
     * count: a heading below them is their neighbour written a level deeper); a top-level section anywhere but
     * inside itself ("## Usage" under "# How to Get Started" is not that section again).
     */
    private boolean placed(SectionRule section, Deque<Heading> stack) {
        SectionRule context = null;
        for (Heading a : stack) {
            SectionRule s = match[a.index()];
            if (s == section) {
                return false;
            }
            if (s != null && !s.children().isEmpty() && context == null) {
                context = s;
            }
        }
        if (pack.parent(section).isEmpty() || context == null) {
            // Top-level sections are often written a level deeper under a title, or below a template section
            // that a fix inserted at the template's level: only being inside themselves rules them out.
            return pack.parent(section).isEmpty();
        }
        for (Optional<SectionRule> p = pack.parent(section); p.isPresent(); p = pack.parent(p.get())) {
            if (p.get() == context) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one section whose title (or an alias) a heading nearly is: at least two meaningful words, and two thirds
     * of the longer title's, shared in the same order ("Biases and Limitations" for "Biases, Risks, and
     * Limitations"), where the template puts that section, and not already in the card. Null when none or
     * several are that near.
     */
    private SectionRule nearTitle(String key, Deque<Heading> stack, Set<String> titled) {
        List<String> words = Words.content(key);
        if (words.size() < 2) {
            return null;
        }
        SectionRule best = null;
        double bestScore = 0;
        boolean tie = false;
        for (SectionRule c : pack.allSections()) {
            if (titled.contains(c.id()) || occurrences.containsKey(c.id()) || !placed(c, stack)) {
                continue;
            }
            double score = 0;
            for (List<String> t : nameWords.computeIfAbsent(c, Outline::names)) {
                int shared = Words.common(words, t);
                int longer = Math.max(words.size(), t.size());
                if (shared >= 2 && 3 * shared >= 2 * longer) {
                    score = Math.max(score, (double) shared / longer);
                }
            }
            if (score > bestScore) {
                best = c;
                bestScore = score;
                tie = false;
            } else if (score > 0 && score == bestScore) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** The meaningful words of a section's title and of each alias. */
    private static List<List<String>> names(SectionRule s) {
        List<List<String>> out = new ArrayList<>();
        out.add(Words.content(Titles.key(s.title())));
        s.aliases().forEach(a -> out.add(Words.content(Titles.key(a))));
        return out;
    }

    private SectionRule choose(List<SectionRule> candidates, Heading h, SectionRule ancestor) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        for (SectionRule c : candidates) {
            if (pack.parent(c).orElse(null) == ancestor) {
                return c;
            }
        }
        for (SectionRule c : candidates) {
            if (c.level() == h.level()) {
                return c;
            }
        }
        return candidates.get(0);
    }

    private Heading findTitle(List<Heading> headings) {
        int level = pack.title().map(t -> t.level()).orElse(1);
        for (Heading h : headings) {
            if (h.level() == level && match[h.index()] == null) {
                return h;
            }
            if (match[h.index()] != null) {
                return null; // a title comes before the template's sections
            }
        }
        return null;
    }

    /**
     * A section is empty when nothing but whitespace, HTML comments, thematic breaks and empty subsections lies
     * under its heading. The template decides what is a subsection where it can: a later heading of another
     * template section ends it even when deeper (the BioImage Glossary is a level-2 heading after the level-1
     * "How to Get Started"), and its own template subsections stay in it even when a heading level is wrong.
     */
    private boolean[] emptiness(List<Heading> headings, List<Facts> facts) {
        boolean[] direct = new boolean[headings.size()];
        for (Heading h : headings) {
            direct[h.index()] = facts.get(h.index()).content();
        }
        boolean[] result = new boolean[headings.size()];
        for (Heading h : headings) {
            boolean isEmpty = !direct[h.index()];
            for (int j = h.index() + 1; isEmpty && j < headings.size(); j++) {
                Heading d = headings.get(j);
                boolean templateChild = match[d.index()] != null && match[h.index()] != null && belongsUnder(d, h);
                if (!templateChild && (d.level() <= h.level() || match[d.index()] != null && !belongsUnder(d, h))) {
                    break;
                }
                isEmpty = !direct[j];
            }
            result[h.index()] = isEmpty;
        }
        return result;
    }

    private boolean belongsUnder(Heading descendant, Heading section) {
        SectionRule d = match[descendant.index()];
        SectionRule s = match[section.index()];
        if (d == null || s == null) {
            return true;
        }
        for (Optional<SectionRule> p = pack.parent(d); p.isPresent(); p = pack.parent(p.get())) {
            if (p.get() == s) {
                return true;
            }
        }
        return false;
    }

    /** The card's title heading (the first heading at the title level, above the template's sections), or null. */
    public Heading title() {
        return title;
    }

    /**
     * The message of a finding about a section, made once for the pack and then taken from the versions before: a
     * check reports the same findings again at every keystroke.
     *
     * @param figure the one figure besides the section the message depends on (a heading level), or 0
     */
    String message(Code code, SectionRule section, int figure, Supplier<String> make) {
        return messages.computeIfAbsent(new MessageKey(code, section.id(), figure), k -> make.get());
    }

    /**
     * Not a record: a record's equals and hashCode are linked through java.lang.invoke on first use, which costs a
     * short check more than all its messages.
     */
    private static final class MessageKey {
        private final Code code;
        private final String section;
        private final int figure;

        MessageKey(Code code, String section, int figure) {
            this.code = code;
            this.section = section;
            this.figure = figure;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageKey k && k.code == code && k.figure == figure && k.section.equals(section);
        }

        @Override
        public int hashCode() {
            return (31 * code.ordinal() + section.hashCode()) * 31 + figure;
        }
    }

    /** The template section a heading matches, or null for a heading of the card's own. */
    public SectionRule sectionOf(Heading h) {
        return match[h.index()];
    }

    /** The heading a heading sits under in the document, or null at the top. */
    public Heading parentOf(Heading h) {
        return parent[h.index()];
    }

    /** The nearest heading above {@code h} in the document that matches a template section, or null. */
    public Heading matchedAncestor(Heading h) {
        for (Heading p = parent[h.index()]; p != null; p = parent[p.index()]) {
            if (match[p.index()] != null) {
                return p;
            }
        }
        return null;
    }

    /** Headings matching a section, in document order. */
    public List<Heading> occurrences(SectionRule section) {
        return occurrences.getOrDefault(section.id(), List.of());
    }

    /** True when a heading matches the section. */
    public boolean isPresent(SectionRule section) {
        return occurrences.containsKey(section.id());
    }

    /** True when the section is in the card: as a heading, or as a bold label in its parent. */
    public boolean isAnswered(SectionRule section) {
        return isPresent(section) || labels.containsKey(section.id());
    }

    /** The bold label that stands for a section the card has no heading for, or null. */
    public BoldLabels.Label label(SectionRule section) {
        return labels.get(section.id());
    }

    /** True when a heading is taken for a section whose template title differs (see {@link #nearTitle}). */
    public boolean titleDiffers(Heading h) {
        return near[h.index()];
    }

    /**
     * True when a heading's section sits where the template puts it among its template siblings (no
     * {@code section-order} finding); only such headings are safe anchors for inserting a section.
     */
    public boolean inTemplateOrder(Heading h) {
        Set<Heading> in = ordered;
        if (in == null) {
            in = new HashSet<>();
            for (Ordering.Group g : Ordering.groups(pack, this)) {
                for (int i = 0; i < g.inOrder().length; i++) {
                    if (g.inOrder()[i]) {
                        in.add(g.headings().get(i));
                    }
                }
            }
            ordered = in;
        }
        return in.contains(h);
    }

    /** See {@link #emptiness}. */
    public boolean isEmpty(Heading h) {
        return empty[h.index()];
    }
}
