package no.fyrtarn.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome of a directory import; rows that already matched the directory count as unchanged. */
public record ImportResult(@Schema(example = "12") int created, @Schema(example = "3") int updated,
        @Schema(example = "240") int unchanged) {
}
