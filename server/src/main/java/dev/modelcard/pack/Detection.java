package dev.modelcard.pack;

import java.util.List;

/**
 * When a card is taken to follow a pack without being told: companion files, enough of its headings, or (for a
 * pack without sections) its front matter.
 *
 * @param metadataKeys front matter keys of which one is enough to take the card for this pack
 * @param otherKeys front matter keys that say the document is of another kind (a blog post, a dataset card)
 */
public record Detection(List<String> companions, List<String> signature, int minSignature, int minSections,
        double minShare, List<String> metadataKeys, List<String> otherKeys) {

    /** True when front matter with these top-level keys marks a card of this pack. */
    public boolean matchesMetadata(java.util.Collection<String> keys) {
        return keys.stream().anyMatch(metadataKeys::contains) && keys.stream().noneMatch(otherKeys::contains);
    }
}
