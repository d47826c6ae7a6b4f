package dev.modelcard.pack;

import java.util.List;

/**
 * When a card is taken to follow a pack without being told: companion files, enough of its headings, or (for a
 * pack without sections) its front matter.
 *
 * @param metadataKeys front matter keys of which one is enough to take the card for this pack
 * @param otherKeys front matter keys that say the document is of another kind (a blog post, a dataset card)
 * @param markers texts only this kind of card has (a template's stock placeholder): one is enough
 */
public record Detection(List<String> companions, List<String> signature, int minSignature, int minSections,
        double minShare, List<String> metadataKeys, List<String> otherKeys, List<String> markers) {

    /** True when front matter with these top-level keys marks a card of this pack. */
    public boolean matchesMetadata(java.util.Collection<String> keys) {
        boolean ours = false;
        for (String key : keys) { // a loop, not a stream: asked of every card with front matter
            if (otherKeys.contains(key)) {
                return false;
            }
            ours |= metadataKeys.contains(key);
        }
        return ours;
    }
}
