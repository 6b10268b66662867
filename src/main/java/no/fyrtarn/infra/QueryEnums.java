package no.fyrtarn.infra;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum-valued query parameters written in lower case ({@code period=week}); anything else is a 400 naming the field. */
public final class QueryEnums {

    private QueryEnums() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest(field, Language.text("fyrtarn.one-of", "values",
                    Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))));
        }
    }
}
