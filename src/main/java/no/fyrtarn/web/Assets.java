package no.fyrtarn.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.inject.Named;
import jakarta.inject.Singleton;

import no.fyrtarn.infra.Hashes;

/**
 * The page's stylesheet and script, and the list of top-level domains the script fetches, as {@code inject:assets}
 * in the layout. Quarkus serves static files as {@code public, immutable} for a day, so their addresses carry a
 * version from their content: a release that changes them reaches every phone at its next page, one that does not
 * leaves them cached.
 */
@Named("assets")
@Singleton
public class Assets {

    static final String[] FILES = { "app.css", "app.js", "x-tlds.txt" };

    private final String version = contentHash();

    /** The first 12 hex digits of the SHA-256 of the files' contents, one after the other. */
    public String version() {
        return version;
    }

    private static String contentHash() {
        StringBuilder all = new StringBuilder();
        for (String file : FILES) {
            try (InputStream in = Assets.class.getResourceAsStream("/META-INF/resources/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing static resource " + file);
                }
                all.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(Hashes.sha256(all.toString())).substring(0, 12);
    }
}
