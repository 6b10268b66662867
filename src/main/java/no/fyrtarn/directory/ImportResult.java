package no.fyrtarn.directory;

/** Outcome of a directory import; rows that already matched the directory count as unchanged. */
public record ImportResult(int created, int updated, int unchanged) {
}
