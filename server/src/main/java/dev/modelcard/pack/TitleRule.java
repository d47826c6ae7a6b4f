package dev.modelcard.pack;

import java.util.List;

/** The card's title: the first heading of {@code level}. */
public record TitleRule(int level, Requirement requirement, String guidance, List<String> instructions) {}
