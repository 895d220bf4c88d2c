package io.groundwork.openai;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An error in the OpenAI API's format: {@code {"error": {"message", "type", "param", "code"}}}
 * with the HTTP status that API uses for it, so that SDKs raise their usual exceptions.
 */
public final class OpenAiError extends RuntimeException {
  private final int status;
  private final String type;
  private final String code;

  public OpenAiError(int status, String type, String code, String message) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = code;
  }

  /** A request the API cannot take (400). */
  public static OpenAiError invalid(String message) {
    return new OpenAiError(400, "invalid_request_error", null, message);
  }

  /** A missing, wrong, revoked or expired API key (401). */
  public static OpenAiError invalidApiKey() {
    return new OpenAiError(401, "invalid_request_error", "invalid_api_key", "Incorrect or missing"
        + " API key: send a personal token made at /tokens.html as 'Authorization: Bearer gwp_...'");
  }

  /** The error body. */
  public record Body(Detail error) {}

  /** What went wrong. */
  public record Detail(String message, String type, String param, String code) {}

  public Body body() {
    return new Body(new Detail(getMessage(), type, null, code));
  }

  public Response response() {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body()).build();
  }

  public int status() {
    return status;
  }
}
