package dev.modelcard.pack;

import java.util.List;

/** When a card is taken to follow a pack without being told: companion files, or enough of its headings. */
public record Detection(
        List<String> companions, List<String> signature, int minSignature, int minSections, double minShare) {}
