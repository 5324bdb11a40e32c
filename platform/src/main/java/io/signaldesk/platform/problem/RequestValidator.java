package io.signaldesk.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads request bodies that must be kept as raw bytes (signed requests: EA devices, producers) (signed requests hash exactly what was sent)
 * and validates request records, answering with the same problem+json as the platform mappers:
 * 400 {@code malformed-body} for unreadable JSON, 400 {@code validation} with the violations.
 */
@ApplicationScoped
public class RequestValidator {
    private final ObjectMapper mapper;
    private final Validator validator;

    public RequestValidator(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T parse(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw malformed("A JSON body is required");
        }
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw malformed(describe(e));
        } catch (IOException e) {
            throw malformed("The body could not be read");
        }
        if (value == null) {
            throw malformed("A JSON object is required");
        }
        return value;
    }

    /** Bean Validation of {@code value} plus checks the annotations cannot express; throws 400 {@code validation}. */
    public void validate(Object value, List<Problem.Violation> extra) {
        if (value == null) {
            throw malformed("A JSON body is required");
        }
        List<Problem.Violation> violations = new ArrayList<>(extra);
        validator.validate(value).forEach(v -> violations.add(new Problem.Violation(field(v), v.getMessage())));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }

    public void validate(Object value) {
        validate(value, List.of());
    }

    /** The violation's property path as a client wrote it: {@code candles[0]}, not {@code candles[0].<list element>}. */
    static String field(jakarta.validation.ConstraintViolation<?> v) {
        return v.getPropertyPath().toString().replaceAll("\\.<[a-z ]+>", "");
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        List<Problem.Violation> sorted = violations.stream()
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return new ProblemException(Problem.of(
                        400, "validation", "Invalid request", "The request has " + sorted.size() + " invalid field(s)")
                .withViolations(sorted));
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(Problem.of(400, "malformed-body", "Malformed request body", detail));
    }

    /** A readable account of why a body could not be read as JSON (shared with {@link ProblemMappers}). */
    public static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException upe) {
            return "Unknown field '" + upe.getPropertyName() + "'";
        }
        for (Throwable c = e; c != null; c = c.getCause()) { // thrown as is, or wrapped with the field it surfaced in
            if (c instanceof io.signaldesk.platform.json.StrictJson.NulCharacterException
                    || c instanceof io.signaldesk.platform.json.StrictJson.InvalidUtf8Exception) {
                return ((JsonProcessingException) c).getOriginalMessage();
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidNullException inn) {
            return "Field '" + path(inn) + "' must not be null"
                    + (inn.getPath().size() > 1
                                    && inn.getPath()
                                                    .get(inn.getPath().size() - 1)
                                                    .getIndex()
                                            >= 0
                            ? " (lists have no null elements)"
                            : "");
        }
        if (e instanceof InvalidFormatException ife) {
            return "Field '" + path(ife) + "' has an invalid value";
        }
        if (e instanceof MismatchedInputException mie) {
            return "Field '" + path(mie) + "' has the wrong type or the body is empty";
        }
        return "The body is not valid JSON";
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }
}
