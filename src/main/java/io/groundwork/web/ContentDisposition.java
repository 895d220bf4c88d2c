package io.groundwork.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} header of a download (RFC 6266): an ASCII fallback name, with
 * quotes, backslashes and control characters replaced, and the exact name in RFC 5987 encoding.
 * Stateless.
 */
final class ContentDisposition {
  private ContentDisposition() {}

  static String attachment(String fileName) {
    String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
