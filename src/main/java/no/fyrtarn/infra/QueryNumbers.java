package no.fyrtarn.infra;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Whole numbers in query parameters ({@code ?limit=}). One that is not a number is the client's mistake: 400 naming the
 * parameter, where JAX-RS answers 404 for a query parameter it cannot convert (spec, 3.2). Empty, it is as if not
 * given: its default.
 */
@Provider
public class QueryNumbers implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != int.class && rawType != Integer.class) {
            return null;
        }
        String name = null;
        String fallback = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof DefaultValue value) {
                fallback = value.value();
            }
        }
        if (name == null) {
            return null;
        }
        return (ParamConverter<T>) new WholeNumber(name, fallback);
    }

    private record WholeNumber(String name, String fallback) implements ParamConverter<Integer> {

        @Override
        public Integer fromString(String value) {
            String given = value == null || value.isBlank() ? fallback : value;
            try {
                return given == null ? null : Integer.valueOf(given);
            } catch (NumberFormatException e) {
                // wrapped in a WebApplicationException, which Quarkus REST passes on instead of making it a 404
                throw new BadRequestException(ProblemException.badRequest(name, Language.text("fyrtarn.whole-number")));
            }
        }

        @Override
        public String toString(Integer value) {
            return value.toString();
        }
    }
}
