package io.groundwork.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.groundwork.admission.AdmissionRejectedException;
import io.groundwork.index.IndexLockedException;
import io.groundwork.openai.OpenAiError;
import io.groundwork.security.SignInThrottledException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to JSON errors with the right status and a message a user can act on. */
public class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  static Response error(Response.Status status, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message)).build();
  }

  @ServerExceptionMapper
  public Response badRequest(IllegalArgumentException e) {
    return error(Response.Status.BAD_REQUEST, e.getMessage());
  }

  /** No or wrong credentials: JSON, with the challenge that makes a browser ask for them. */
  @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
  public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
    return signIn(request);
  }

  @ServerExceptionMapper(priority = Priorities.AUTHENTICATION)
  public Response authenticationFailed(AuthenticationFailedException e,
      HttpServerRequest request) {
    SignInThrottledException throttled = Perimeter.throttled(e);
    if (throttled != null) {
      return tooManyRequests(throttled.getMessage(), throttled.retryAfterSeconds());
    }
    return signIn(request);
  }

  /** 429 with the seconds after which to try again. */
  static Response tooManyRequests(String message, long retryAfterSeconds) {
    return Response.fromResponse(error(Response.Status.TOO_MANY_REQUESTS, message))
        .header("Retry-After", Long.toString(retryAfterSeconds)).build();
  }

  /** The OpenAI-compatible API answers in OpenAI's format, so that SDKs raise their usual error. */
  private static Response signIn(HttpServerRequest request) {
    if (request.path().startsWith("/v1/")) {
      return Response.fromResponse(OpenAiError.invalidApiKey().response())
          .header("WWW-Authenticate", "Bearer realm=\"Groundwork\"").build();
    }
    return signIn();
  }

  private static Response signIn() {
    return Response.fromResponse(error(Response.Status.UNAUTHORIZED, Perimeter.signInMessage()))
        .header("WWW-Authenticate", Perimeter.challenge()).build();
  }

  /**
   * A body that is not JSON, too deeply nested, or of the wrong shape or types. One mapper per
   * Jackson exception, ahead of the built-in ones (which answer without a body).
   */
  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response json(JsonProcessingException e) {
    return error(Response.Status.BAD_REQUEST, jsonMessage(e));
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response jsonParse(JsonParseException e) {
    return json(e);
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response jsonLimit(StreamConstraintsException e) {
    return json(e);
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response jsonMapping(JsonMappingException e) {
    return json(e);
  }

  @ServerExceptionMapper(priority = Priorities.USER - 100)
  public Response jsonMismatch(MismatchedInputException e) {
    return json(e);
  }

  static String jsonMessage(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return "request body exceeds a JSON limit: " + e.getOriginalMessage();
    }
    if (e instanceof JsonParseException) {
      return "request body is not valid JSON: " + e.getOriginalMessage();
    }
    if (e instanceof JsonMappingException mapping) {
      String field = field(mapping);
      Class<?> type = e instanceof MismatchedInputException mismatch
          ? mismatch.getTargetType() : null;
      if (field.isEmpty()) {
        return type == null || type.isRecord() || Map.class.isAssignableFrom(type)
            ? "request body must be a JSON object"
            : "request body must be " + expected(type);
      }
      if (type == null) {
        return field + " has an invalid value";
      }
      return field + " must be " + expected(type);
    }
    return "request body is not valid JSON";
  }

  /** The path of the offending field, e.g. {@code topK} or {@code sources[2]}. */
  private static String field(JsonMappingException e) {
    StringJoiner path = new StringJoiner("");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.add((path.length() == 0 ? "" : ".") + ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.add("[" + ref.getIndex() + "]");
      }
    }
    return path.toString();
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class
        || type == Short.class || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
      return "a number";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "a JSON object";
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundProblem e) {
    return error(Response.Status.NOT_FOUND, e.getMessage());
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return error(Response.Status.FORBIDDEN, "you are not allowed to do this");
  }

  @ServerExceptionMapper
  public Response busy(AdmissionRejectedException e) {
    return tooManyRequests(e.getMessage(), e.retryAfterSeconds());
  }

  @ServerExceptionMapper
  public Response locked(IndexLockedException e) {
    return error(Response.Status.CONFLICT, e.getMessage());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, HttpServerRequest request) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonProcessingException json) {
        return json(json);
      }
    }
    Response original = e.getResponse();
    int code = original.getStatus();
    Response.Status known = Response.Status.fromStatusCode(code);
    String reason = known == null ? original.getStatusInfo().getReasonPhrase()
        : known.getReasonPhrase();
    String message = switch (code) {
      case 404 -> "no such resource: " + request.method() + " " + request.path();
      case 405 -> "method " + request.method() + " is not allowed on " + request.path();
      case 406 -> "cannot produce any type of Accept: " + request.getHeader("Accept");
      case 415 -> "Content-Type " + request.getHeader("Content-Type") + " is not accepted by "
          + request.method() + " " + request.path();
      default -> e.getMessage() == null ? reason : e.getMessage();
    };
    Response.ResponseBuilder response = Response.status(code).type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(code, reason, message));
    for (String header : new String[] {"Allow", "WWW-Authenticate", "Retry-After"}) {
      if (original.getHeaderString(header) != null) {
        response.header(header, original.getHeaderString(header));
      }
    }
    return response.build();
  }

  @ServerExceptionMapper
  public Response database(PersistenceException e) {
    LOG.error("database failure", e);
    return error(Response.Status.SERVICE_UNAVAILABLE,
        "the database is unavailable; nothing was changed, try again later");
  }

  @ServerExceptionMapper
  public Response sql(SQLException e) {
    LOG.error("database failure", e);
    return error(Response.Status.SERVICE_UNAVAILABLE,
        "the database is unavailable; nothing was changed, try again later");
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof PersistenceException || cause instanceof SQLException) {
        return database(new PersistenceException(cause));
      }
      cause = cause.getCause();
    }
    LOG.error("unexpected failure", e);
    return error(Response.Status.INTERNAL_SERVER_ERROR, "unexpected error: " + e.getMessage());
  }
}
