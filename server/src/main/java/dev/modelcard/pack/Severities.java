package dev.modelcard.pack;

import java.util.List;

/** The severity words packs and settings use, as LSP names them. */
public final class Severities {
    public static final List<String> WORDS = List.of("error", "warning", "information", "hint");

    private Severities() {}
}
