package no.fyrtarn.infra;

import java.util.List;
import java.util.function.Function;

/** One page of a list answer: {items, nextCursor}; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

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
