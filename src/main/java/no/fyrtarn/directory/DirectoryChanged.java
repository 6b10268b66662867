package no.fyrtarn.directory;

/**
 * Fired in the transaction of an import or a removal: who is in the company, in which team and under whom may have
 * changed, and so may every board that shows them.
 */
public record DirectoryChanged() {
}
