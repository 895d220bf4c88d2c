package io.groundwork.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The layout of an audit export bundle (a zip): {@value #MANIFEST} (format, range, counts and
 * the SHA-256 of every other file), {@value #RECORDS} (the records of the range, one JSON object
 * a line, every column), {@value #LINK_RECORDS} (the records after the range up to the first
 * checkpoint that covers it, without their content: enough to recompute the chain to that
 * checkpoint's head) and {@value #CHECKPOINTS} (the signed checkpoints from the one before the
 * range to that one), and since format 2 {@value #WITHHELD}: one line per record whose content
 * the exporter's need to know withheld (the record id, whether it is a link record, the
 * documents it drew on that the exporter may not read, and the record as the workspace pages
 * show it redacted). A withheld record appears in {@value #RECORDS} without its content, with
 * its content digest and hash, so the chain still verifies.
 */
public final class ExportBundle {
  /** Format name and version, in the manifest. */
  public static final String FORMAT = "groundwork-audit-export/2";
  /** The first format, without {@value #WITHHELD}: still verified. */
  public static final String FORMAT_1 = "groundwork-audit-export/1";
  public static final String MANIFEST = "manifest.json";
  public static final String RECORDS = "records.jsonl";
  public static final String LINK_RECORDS = "link-records.jsonl";
  public static final String CHECKPOINTS = "checkpoints.jsonl";
  public static final String WITHHELD = "withheld.jsonl";

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.INDENT_OUTPUT);

  private ExportBundle() {}
}
