package io.groundwork.draft;

/** Where a draft is on its way to being sent. Nothing counts as sent before {@link #APPROVED}. */
public enum DraftStatus {
  /** Drafted; may be edited and approved. */
  DRAFT("draft"),
  /** Approved once, four eyes required: waits for a second agent to approve the same text. */
  AWAITING_SECOND_APPROVAL("awaiting-second-approval"),
  /** Approved: counts as sent, with its final text. */
  APPROVED("approved");

  private final String value;

  DraftStatus(String value) {
    this.value = value;
  }

  /** The name stored and shown. */
  public String value() {
    return value;
  }
}
