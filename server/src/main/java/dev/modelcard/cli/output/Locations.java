package dev.modelcard.cli.output;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a card is, for outputs read on another machine: relative to a base folder (a repository's root). */
final class Locations {
    private Locations() {}

    /** The card's path below the base, with forward slashes; empty when it lies outside the base. */
    static Optional<String> relative(Path base, Path card) {
        Path abs = card.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return Optional.empty();
        }
        return Optional.of(base.relativize(abs).toString().replace('\\', '/'));
    }

    /** A relative path as a URI reference, percent-encoded; colons too, so that none reads as a scheme. */
    static String uriReference(String relative) {
        try {
            return new URI(null, null, "./" + relative, null).toASCIIString().substring(2).replace(":", "%3A");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(relative, e);
        }
    }
}
