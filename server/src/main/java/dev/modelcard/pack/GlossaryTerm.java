package dev.modelcard.pack;

public record GlossaryTerm(String term, String definition) {}
