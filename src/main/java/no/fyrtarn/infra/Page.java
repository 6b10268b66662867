package no.fyrtarn.infra;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list answer: {items, nextCursor}; nextCursor is null on the last page. */
public record Page<T>(List<T> items,
        @Schema(description = "Pass as cursor for the next page; null on the last page", example = "b2xhLm5vcmRtYW5uQGV4YW1wbGUuY29t") String nextCursor) {

    /**
     * Builds a page from a query that fetched one row more than the limit: that extra row only tells that there is a
     * next page, whose cursor is taken from the last row shown.
     */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, String> cursorOf, Function<E, T> view) {
        boolean more = fetched.size() > limit;
        List<E> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? Cursor.encode(cursorOf.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(view).toList(), next);
    }
}
