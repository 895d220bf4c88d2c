package io.groundwork.web;

import io.groundwork.index.IndexLockedException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
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

  @ServerExceptionMapper
  public Response notFound(NotFoundProblem e) {
    return error(Response.Status.NOT_FOUND, e.getMessage());
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e) {
    return error(Response.Status.FORBIDDEN, "you are not allowed to do this");
  }

  @ServerExceptionMapper
  public Response locked(IndexLockedException e) {
    return error(Response.Status.CONFLICT, e.getMessage());
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    Response.StatusType status = e.getResponse().getStatusInfo();
    Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
    String message = e.getMessage() == null ? status.getReasonPhrase() : e.getMessage();
    return Response.status(status.getStatusCode()).type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(status.getStatusCode(),
            known == null ? status.getReasonPhrase() : known.getReasonPhrase(), message))
        .build();
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
