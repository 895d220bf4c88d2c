package io.groundwork.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The layout of an audit export bundle (a zip): {@value #MANIFEST} (format, range, counts and
 * the SHA-256 of every other file), {@value #RECORDS} (the records of the range, one JSON object
 * a line, every column), {@value #LINK_RECORDS} (the records after the range up to the first
 * checkpoint that covers it, without their content: enough to recompute the chain to that
 * checkpoint's head) and {@value #CHECKPOINTS} (the signed checkpoints from the one before the
 * range to that one).
 */
public final class ExportBundle {
  /** Format name and version, in the manifest. */
  public static final String FORMAT = "groundwork-audit-export/1";
  public static final String MANIFEST = "manifest.json";
  public static final String RECORDS = "records.jsonl";
  public static final String LINK_RECORDS = "link-records.jsonl";
  public static final String CHECKPOINTS = "checkpoints.jsonl";

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.INDENT_OUTPUT);

  private ExportBundle() {}
}
