package no.fyrtarn.infra;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import no.fyrtarn.web.PageErrors;

/** Every error leaves the API as problem+json (RFC 9457); nothing internal (stack traces, SQL) reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** How long a client is told to wait when the database is away: about what a restart or a failover takes. */
    private static final Duration DATABASE_RETRY = Duration.ofSeconds(30);
    /** Quarkus REST's parser of form bodies, whose IllegalArgumentException is a malformed body. */
    private static final String FORM_PARSER =
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition$FormEncodedDataParser";
    /**
     * What a body in another encoding is told, Windows PowerShell 5's for one, which sends a text body in ISO-8859-1:
     * its "å" was "has the wrong type or shape" or "malformed JSON". JSON is UTF-8 (RFC 8259), and Jackson reads it
     * so whatever charset the Content-Type names.
     */
    private static final String NOT_UTF_8 = "is not UTF-8: JSON is sent in UTF-8, whatever charset the Content-Type "
            + "names";

    @Inject
    PageErrors pages;

    @Inject
    AllowedMethods allowed;

    public static Response response(Problem problem) {
        var builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    /**
     * Problem+json for the API; on a web page, or for a browser that asks for HTML outside the API (an unknown
     * address, a broken tracked link), the login page for 401 and an HTML page for the rest.
     */
    private Response answer(SimpleResourceInfo resource, Problem problem) {
        if (PageErrors.isPage(resource)) {
            return pages.answer(problem);
        }
        return pages.browsing() ? pages.answerVisitor(problem) : response(problem);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, SimpleResourceInfo resource) {
        Response answer = answer(resource, e.problem());
        if (e.retryAfter() == null) {
            return answer;
        }
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(answer).header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, SimpleResourceInfo resource) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath(), resource), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return answer(resource, Problem.invalid(violations));
    }

    /**
     * A constraint on a resource method's parameter itself (a missing body, a query parameter out of range) names it
     * as the request does: the query parameter's or header's name, or "body" for the body, not the Java parameter.
     */
    private static String fieldOf(Path path, SimpleResourceInfo resource) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        if (resource == null || nodes.size() != 2 || nodes.get(1).getKind() != ElementKind.PARAMETER
                || !isMethodOf(nodes.get(0), resource)) {
            return fieldOf(path); // a field of the body, or a parameter of something the resource called
        }
        try {
            Parameter parameter = resource.getResourceClass()
                    .getMethod(resource.getMethodName(), resource.parameterTypes())
                    .getParameters()[nodes.get(1).as(Path.ParameterNode.class).getParameterIndex()];
            return requestName(parameter).orElse("body");
        } catch (ReflectiveOperationException e) {
            return fieldOf(path);
        }
    }

    private static boolean isMethodOf(Path.Node node, SimpleResourceInfo resource) {
        return node.getKind() == ElementKind.METHOD && node.getName().equals(resource.getMethodName())
                && node.as(Path.MethodNode.class).getParameterTypes().equals(List.of(resource.parameterTypes()));
    }

    private static Optional<String> requestName(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = switch (annotation) {
                case QueryParam query -> query.value();
                case HeaderParam header -> header.value();
                case PathParam pathParam -> pathParam.value();
                case CookieParam cookie -> cookie.value();
                case FormParam form -> form.value();
                default -> null;
            };
            if (name != null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** "create.request.audience.teams[0]" → "audience.teams[0]"; a query parameter keeps its own name. */
    public static String fieldOf(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        FieldName field = new FieldName();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            switch (node.getKind()) {
                case METHOD -> {
                }
                // the request body itself: name its fields, not the Java parameter
                case PARAMETER -> {
                    if (i == nodes.size() - 1) {
                        field.property(node.getName());
                    }
                }
                default -> {
                    if (node.isInIterable()) {
                        field.index(node.getIndex() != null ? node.getIndex() : node.getKey());
                    }
                    if (node.getKind() == ElementKind.PROPERTY) {
                        field.property(node.getName());
                    }
                }
            }
        }
        return field.toString();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        return response(Problem.invalid(List.of(
                duplicate(e.getCause()).orElseGet(() -> new Problem.Violation(jsonField(e), readable(e))))));
    }

    /**
     * A field given twice (StrictJson), named where the parser found it: the parser's error or, inside an object that
     * Jackson builds through its constructor (a record), the cause of the error Jackson wrapped it in.
     */
    private static Optional<Problem.Violation> duplicate(Throwable e) {
        if (e instanceof StreamReadException read && read.getProcessor() != null
                && read.getOriginalMessage().startsWith("Duplicate field")) {
            return Optional.of(new Problem.Violation(jsonField(read.getProcessor().getParsingContext().pathAsPointer()),
                    "is given more than once"));
        }
        return Optional.empty();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return response(Problem.invalid(List.of(duplicate(e).orElse(
                new Problem.Violation("body", notUtf8(e) ? NOT_UTF_8 : "malformed JSON")))));
    }

    private static boolean notUtf8(Throwable e) {
        return e instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Invalid UTF-8");
    }

    static String jsonField(JsonMappingException e) {
        FieldName field = new FieldName();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.property(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.index(ref.getIndex());
            }
        }
        return field.toString();
    }

    /** "/captions/0/text" → "captions[0].text". */
    static String jsonField(JsonPointer pointer) {
        FieldName field = new FieldName();
        for (JsonPointer at = pointer; !at.matches(); at = at.tail()) {
            if (at.getMatchingIndex() >= 0) {
                field.index(at.getMatchingIndex());
            } else {
                field.property(at.getMatchingProperty());
            }
        }
        return field.toString();
    }

    /** A field's name as a problem gives it, "audience.teams[0]", or "body" for the body itself. */
    private static final class FieldName {

        private final StringBuilder name = new StringBuilder();

        void property(String property) {
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(property);
        }

        void index(Object index) {
            name.append('[').append(index).append(']');
        }

        @Override
        public String toString() {
            return name.isEmpty() ? "body" : name.toString();
        }
    }

    private static String readable(JsonMappingException e) {
        if (notUtf8(e.getCause())) {
            return NOT_UTF_8;
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request"; // StrictJson
        }
        if (e instanceof StrictJson.OutsideTheYears) {
            return Language.text(IsoInstants.YEARS);
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() == Instant.class) {
            return "must be a date and time with its offset from UTC, as text: 2026-12-07T10:00:00Z or "
                    + "2026-12-07T11:00:00+01:00"; // not a number, nor a time without its offset
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
            if (invalid.getValue() instanceof String text && StorableText.problem(text) instanceof String problem) {
                return problem;
            }
            if (invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
                return "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
            }
            return "has the wrong format";
        }
        return "has the wrong type or shape";
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, SimpleResourceInfo resource) {
        return answer(resource, Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, SimpleResourceInfo resource) {
        return answer(resource, Problem.of(401, "Unauthorized", "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        return answer(resource, Problem.of(403, "Forbidden", "Your role does not allow this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, SimpleResourceInfo resource, HttpServerRequest request) {
        if (e.getCause() instanceof ProblemException problem) {
            // a problem thrown where only a WebApplicationException gets through (QueryNumbers)
            return problem(problem, resource);
        }
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (status == 400 && (e.getCause() instanceof JsonProcessingException || e.getCause() == null)) {
            return malformed(e.getCause() instanceof JsonProcessingException json ? json : null);
        }
        var reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : "Error";
        Response answer = answer(resource, Problem.of(status, title, detail(e)));
        return status == 405 ? Response.fromResponse(answer).allow(allowed.at(request.path())).build() : answer;
    }

    /** What went wrong in the client's terms; RESTEasy's own messages name Java annotations (@Consumes). */
    private static String detail(WebApplicationException e) {
        return switch (e.getResponse().getStatus()) {
            case 404 -> "No such resource";
            case 405 -> "This resource does not take this method; Allow lists those it takes";
            case 406 -> "This resource cannot answer in any media type the Accept header allows";
            case 415 -> "This resource does not take a body of this Content-Type";
            default -> e.getMessage();
        };
    }

    /**
     * A form body with a "%" not followed by two hexadecimal digits ("title=50%" typed by a script that did not encode
     * it): Quarkus REST's form parser fails with an IllegalArgumentException, which is the client's, not ours.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, SimpleResourceInfo resource) {
        if (thrownBy(e, FORM_PARSER)) {
            return answer(resource,
                    Problem.invalid(List.of(new Problem.Violation("body", Language.text("fyrtarn.form.percent")))));
        }
        return unexpected(e, resource);
    }

    private static boolean thrownBy(Throwable e, String className) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, SimpleResourceInfo resource) {
        if (DatabaseOutage.causedBy(e)) {
            // an outage, not a bug: readiness says so too, and a stack per request would bury the log
            LOG.warnf("Answered 503: the database cannot be reached (%s)", e.getMessage());
            return problem(ProblemException.unavailable("The database cannot be reached just now; try again shortly",
                    DATABASE_RETRY), resource);
        }
        LOG.error("Unexpected failure", e);
        return answer(resource, Problem.of(500, "Internal Server Error", "Something went wrong on our side"));
    }
}
