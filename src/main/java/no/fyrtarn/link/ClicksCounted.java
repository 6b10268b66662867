package no.fyrtarn.link;

import java.util.List;

/**
 * Fired (CDI, synchronously) inside the click consumer's transaction with the clicks it just counted, so what
 * observers derive from them (points) commits with the verdicts, exactly once per click.
 */
public record ClicksCounted(List<ClickEvent> clicks) {
}
