package dev.modelcard.markdown;

/**
 * A heading at the top level of the document (headings inside lists or quotes do not open sections).
 *
 * @param index position among the document's headings
 * @param start offset of the first {@code #} (or of the text of a setext heading)
 * @param end offset just past the heading's content, trailing spaces excluded
 * @param textStart offset of the title text (after the {@code #} markers)
 * @param textEnd offset just past the title text
 * @param blockIndex position of the heading among the document's top-level blocks
 */
public record Heading(int index, int level, String text, int start, int end, int textStart, int textEnd,
        int blockIndex) {
    /** The same heading at another place among the headings and blocks, moved by {@code chars}. */
    Heading moved(int index, int blockIndex, int chars) {
        return new Heading(index, level, text, start + chars, end + chars, textStart + chars, textEnd + chars,
                blockIndex);
    }
}
