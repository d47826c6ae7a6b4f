package dev.modelcard.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A template's rules: its section tree, placeholders, glossary and detection hints. Immutable. */
public final class RulePack {
    /** Guidance sentences shorter than this are not looked for in cards ("For example:"). */
    private static final int MIN_GUIDANCE_WORDS = 4;
    /** Instructions shorter than this are too short to recognise reworded. */
    private static final int MIN_REWORDED_WORDS = 6;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private final String id;
    private final String name;
    private final String shortName;
    private final String extendsId;
    private final Detection detection;
    private final TitleRule title;
    private final List<SectionRule> sections;
    private final List<GlossaryTerm> glossary;
    private final List<PlaceholderRule> placeholders;
    private final Map<String, String> severities;
    private final SectionEdits edits;
    private final String metadata;

    private final List<SectionRule> ordered;
    private final Map<String, SectionRule> byId;
    private final Map<String, SectionRule> parentOf;
    private final Map<String, Integer> order;
    private final Map<String, List<SectionRule>> byKey;
    /** Made when a card is first checked against this pack: detection needs none of it. */
    private volatile TemplateText text;

    public RulePack(String id, String name, String shortName, String extendsId, Detection detection, TitleRule title,
            List<SectionRule> sections, List<GlossaryTerm> glossary, List<PlaceholderRule> placeholders,
            Map<String, String> severities, SectionEdits edits, String metadata) {
        this.id = id;
        this.name = name;
        this.shortName = shortName;
        this.extendsId = extendsId;
        this.detection = detection;
        this.title = title;
        this.sections = List.copyOf(sections);
        this.glossary = List.copyOf(glossary);
        this.placeholders = List.copyOf(placeholders);
        this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(severities));
        this.edits = edits;
        this.metadata = metadata;

        List<SectionRule> all = new ArrayList<>();
        Map<String, SectionRule> parents = new HashMap<>();
        collect(this.sections, null, all, parents);
        this.ordered = List.copyOf(all);
        Map<String, SectionRule> ids = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        // JDK collections, not Guava's: a start then initializes none of Guava's classes.
        Map<String, List<SectionRule>> keys = new HashMap<>();
        for (SectionRule s : all) {
            ids.put(s.id(), s);
            index.put(s.id(), index.size());
            keys.computeIfAbsent(Titles.key(s.title()), k -> new ArrayList<>(1)).add(s);
            for (String alias : s.aliases()) {
                keys.computeIfAbsent(Titles.key(alias), k -> new ArrayList<>(1)).add(s);
            }
        }
        keys.replaceAll((k, rules) -> List.copyOf(rules));
        this.byId = Collections.unmodifiableMap(ids);
        this.parentOf = parents;
        this.order = index;
        this.byKey = keys;
    }

    /**
     * The template's own wording, as keys ({@link Titles#key}): its instructions and its guidance sentences, with
     * the first words and longest lengths that filter texts cheaply before a key is computed.
     */
    private static final class TemplateText {
        final Set<String> instructionKeys;
        final int longestInstructionKey;
        final Set<String> guidanceKeys;
        final Set<String> guidanceStarts;
        final Set<String> instructionStarts;
        final int longestGuidanceKey;
        final List<List<String>> longInstructions;

        TemplateText(List<SectionRule> all, TitleRule title) {
            Set<String> instructions = new LinkedHashSet<>();
            for (SectionRule s : all) {
                for (String instruction : s.instructions()) {
                    instructions.add(Titles.key(instruction));
                }
            }
            if (title != null) {
                for (String instruction : title.instructions()) {
                    instructions.add(Titles.key(instruction));
                }
            }
            this.instructionKeys = Collections.unmodifiableSet(instructions);
            this.longestInstructionKey = longest(instructionKeys);
            Set<String> guidance = new LinkedHashSet<>();
            for (SectionRule s : all) {
                if (s.guidance() != null) {
                    // Quoted text in guidance is example wording an author may adopt ("The model was evaluated ...").
                    String g = QUOTED.matcher(s.guidance()).replaceAll(" ");
                    for (int[] sentence : Sentences.of(g)) {
                        String key = Titles.key(g.substring(sentence[0], sentence[1]));
                        if (key.split(" ").length >= MIN_GUIDANCE_WORDS) {
                            guidance.add(key);
                        }
                    }
                }
            }
            this.guidanceKeys = Collections.unmodifiableSet(guidance);
            this.instructionStarts = firstWords(instructionKeys);
            this.guidanceStarts = firstWords(guidanceKeys);
            this.longestGuidanceKey = longest(guidanceKeys);
            List<List<String>> longOnes = new ArrayList<>();
            for (String k : instructionKeys) {
                List<String> words = List.of(k.split(" "));
                if (words.size() >= MIN_REWORDED_WORDS) {
                    longOnes.add(words);
                }
            }
            this.longInstructions = List.copyOf(longOnes);
        }

        private static int longest(Set<String> keys) {
            int longest = 0;
            for (String k : keys) {
                longest = Math.max(longest, k.length());
            }
            return longest;
        }

        private static Set<String> firstWords(Set<String> keys) {
            Set<String> first = new HashSet<>();
            for (String k : keys) {
                first.add(k.split(" ")[0]);
            }
            return Set.copyOf(first);
        }
    }

    /** Made once; two threads that race make equal ones, and either is kept. */
    private TemplateText text() {
        TemplateText t = text;
        if (t == null) {
            t = new TemplateText(ordered, title);
            text = t;
        }
        return t;
    }

    private static void collect(List<SectionRule> list, SectionRule parent, List<SectionRule> out,
            Map<String, SectionRule> parents) {
        for (SectionRule s : list) {
            out.add(s);
            if (parent != null) {
                parents.put(s.id(), parent);
            }
            collect(s.children(), s, out, parents);
        }
    }

    /**
     * A copy that inherits the base pack's placeholders, glossary and severities (the base's come first) and,
     * when it has no sections of its own, the base's sections as {@code inherited} (edited) and its title.
     */
    public RulePack withBase(RulePack base, List<SectionRule> inherited) {
        List<PlaceholderRule> p = new ArrayList<>(base.placeholders);
        p.addAll(placeholders);
        List<GlossaryTerm> g = new ArrayList<>(base.glossary);
        g.addAll(glossary);
        Map<String, String> sev = new LinkedHashMap<>(base.severities);
        sev.putAll(severities);
        boolean inherits = sections.isEmpty();
        return new RulePack(id, name, shortName, extendsId, detection, inherits && title == null ? base.title : title,
                inherits ? inherited : sections, g, p, sev, SectionEdits.NONE, metadata != null ? metadata : base.metadata);
    }

    /** How this pack edits the sections it inherits; none for a pack with sections of its own. */
    public SectionEdits edits() {
        return edits;
    }

    /** A copy with more placeholder patterns and glossary terms (a project's own, after the pack's). */
    public RulePack withExtras(List<PlaceholderRule> morePlaceholders, List<GlossaryTerm> moreTerms) {
        List<PlaceholderRule> p = new ArrayList<>(placeholders);
        p.addAll(morePlaceholders);
        List<GlossaryTerm> g = new ArrayList<>(glossary);
        g.addAll(moreTerms);
        return new RulePack(id, name, shortName, extendsId, detection, title, sections, g, p, severities, edits,
                metadata);
    }

    public String id() {
        return id;
    }

    /** For messages: "CZI model card template". */
    public String name() {
        return name;
    }

    /** For status lines: "CZI model card". */
    public String shortName() {
        return shortName;
    }

    public Optional<String> extendsId() {
        return Optional.ofNullable(extendsId);
    }

    public Optional<Detection> detection() {
        return Optional.ofNullable(detection);
    }

    public Optional<TitleRule> title() {
        return Optional.ofNullable(title);
    }

    /** Top-level sections in template order. */
    public List<SectionRule> sections() {
        return sections;
    }

    /** Every section, depth first, in template order. */
    public List<SectionRule> allSections() {
        return ordered;
    }

    public Optional<SectionRule> section(String sectionId) {
        return Optional.ofNullable(byId.get(sectionId));
    }

    public Optional<SectionRule> parent(SectionRule section) {
        return Optional.ofNullable(parentOf.get(section.id()));
    }

    /** Position of a section in the template, depth first. */
    public int orderOf(SectionRule section) {
        return order.get(section.id());
    }

    /** The sections whose title or an alias has this {@link Titles#key}. */
    public List<SectionRule> sectionsByKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    /** True when the key (see {@link Titles#key}) is that of one of the template's own instruction texts. */
    public boolean isInstructionKey(String key) {
        return text().instructionKeys.contains(key);
    }

    /**
     * A cheap filter before {@link Titles#key}: a text far longer than every instruction cannot be one (its key
     * drops only punctuation, spaces and a few letters per word).
     */
    public boolean mayBeInstruction(String text) {
        TemplateText t = text();
        return !t.instructionKeys.isEmpty() && text.length() <= 3 * t.longestInstructionKey + 64
                && t.instructionStarts.contains(firstWord(text));
    }

    /**
     * True when the key is that of a sentence of the template's guidance (its HTML comments, or its italic
     * instructions), of four words or more, quoted examples left out.
     */
    public boolean isGuidanceKey(String key) {
        return text().guidanceKeys.contains(key);
    }

    /** A cheap filter before {@link Titles#key}, as {@link #mayBeInstruction}. */
    public boolean mayBeGuidance(String text) {
        TemplateText t = text();
        return !t.guidanceKeys.isEmpty() && text.length() <= 3 * t.longestGuidanceKey + 64
                && t.guidanceStarts.contains(firstWord(text));
    }

    /**
     * The first word of a text as its {@link Titles#key} would start (a section number and "and" skipped), or "".
     * Comparing it first spares computing the key of every paragraph of a large card.
     */
    static String firstWord(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean digits = true;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                digits &= Character.isDigit(text.charAt(i));
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            if (!digits && !word.equals("and") && !word.equals("optional")) {
                return Titles.stem(word);
            }
        }
        return "";
    }

    /** The words of each instruction long enough to be recognised when reworded (six words or more). */
    public List<List<String>> longInstructions() {
        return text().longInstructions;
    }

    public List<GlossaryTerm> glossary() {
        return glossary;
    }

    public List<PlaceholderRule> placeholders() {
        return placeholders;
    }

    /** The metadata schema the card's front matter is checked against ({@code huggingface}), if any. */
    public Optional<String> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** Severity word per diagnostic code that this pack sets instead of the default. */
    public Map<String, String> severities() {
        return severities;
    }
}
