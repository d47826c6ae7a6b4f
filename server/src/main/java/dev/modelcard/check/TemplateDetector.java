package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Detection;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Titles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which pack a card follows: an explicit choice wins; then a companion file beside the card; then the
 * headings, the pack whose sections match best above its thresholds; then the front matter (a pack whose
 * metadata keys it carries); then a marker text only one kind of card has. Otherwise none: the card is not
 * checked.
 */
public final class TemplateDetector {
    /** What may stand before a marker on its line: indentation, a bullet, a bold label, a comment opener. */
    private static final java.util.regex.Pattern MARKER_LEAD =
            java.util.regex.Pattern.compile("^\\s*(?:[-*+]\\s+)?(?:\\*\\*[^*]{1,80}\\*\\*\\s*)?(?:<!--\\s*)?");
    private final PackRegistry packs;

    public TemplateDetector(PackRegistry packs) {
        this.packs = packs;
    }

    /**
     * @param explicit a pack id the user chose, or null
     * @param companionExists tells whether a file of that name lies beside the card
     */
    public Optional<RulePack> detect(CardDocument card, String explicit, Predicate<String> companionExists) {
        if (explicit != null && !explicit.isBlank()) {
            return packs.get(explicit);
        }
        for (RulePack p : packs.templates()) {
            for (String companion : p.detection().map(Detection::companions).orElse(List.of())) {
                if (companionExists.test(companion)) {
                    return Optional.of(p);
                }
            }
        }
        RulePack byMetadata = byMetadata(card);
        RulePack best = null;
        double bestShare = 0;
        for (RulePack p : packs.templates()) {
            Optional<Detection> d = p.detection();
            if (d.isEmpty()) {
                continue;
            }
            // Only the template's own titles count here: aliases ("Usage", "Hardware") are common words that
            // help matching once a card is known to follow the template, not evidence that it does.
            Set<String> present = new HashSet<>();
            for (Heading h : card.headings()) {
                String key = Titles.key(h.text());
                for (SectionRule s : p.sectionsByKey(key)) {
                    if (Titles.key(s.title()).equals(key)) {
                        present.add(s.id());
                    }
                }
            }
            int signature = 0;
            for (String id : d.get().signature()) {
                signature += present.contains(id) ? 1 : 0;
            }
            double share = p.allSections().isEmpty() ? 0 : (double) present.size() / p.allSections().size();
            // Front matter that says "Hub card" outweighs one distinctive heading of a template of another family.
            int minSignature = byMetadata == null || extendsPack(p, byMetadata) ? d.get().minSignature()
                    : Math.max(d.get().minSignature(), 2);
            boolean enough = present.size() >= d.get().minSections() && share >= d.get().minShare()
                    && signature >= minSignature;
            if (enough && share > bestShare) {
                best = p;
                bestShare = share;
            }
        }
        if (best != null || byMetadata != null) {
            return Optional.ofNullable(best != null ? best : byMetadata);
        }
        return byMarker(card);
    }

    /**
     * A pack one of whose marker texts (a template's stock placeholder) starts a line of the card's body, after a
     * list bullet, a bold field label or a comment opener: where the template puts it, not where prose or code
     * mentions it.
     */
    private Optional<RulePack> byMarker(CardDocument card) {
        List<RulePack> withMarkers = new ArrayList<>();
        for (RulePack p : packs.templates()) {
            if (p.detection().isPresent() && !p.detection().get().markers().isEmpty()) {
                withMarkers.add(p);
            }
        }
        if (withMarkers.isEmpty()) {
            return Optional.empty();
        }
        var lines = card.lines();
        String text = card.text();
        for (int l = lines.lineOf(card.bodyStart()); l < lines.lineCount(); l++) {
            String line = MARKER_LEAD.matcher(text.substring(lines.lineStart(l), lines.lineEnd(l))).replaceFirst("");
            for (RulePack p : withMarkers) {
                for (String marker : p.detection().get().markers()) {
                    if (line.startsWith(marker)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first pack whose metadata keys the card's front matter carries (and no key of another kind). */
    private RulePack byMetadata(CardDocument card) {
        if (card.frontMatter() == null) {
            return null;
        }
        List<String> keys = card.metadata().keys();
        if (keys.isEmpty()) {
            return null;
        }
        for (RulePack p : packs.templates()) {
            if (p.detection().map(d -> d.matchesMetadata(keys)).orElse(false)) {
                return p;
            }
        }
        return null;
    }

    /** True when {@code p} is {@code base} or extends it, directly or not. */
    private boolean extendsPack(RulePack p, RulePack base) {
        Set<String> seen = new HashSet<>();
        for (RulePack at = p; at != null && seen.add(at.id()); at = at.extendsId().flatMap(packs::get).orElse(null)) {
            if (at.id().equals(base.id())) {
                return true;
            }
        }
        return false;
    }
}
