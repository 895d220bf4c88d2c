package io.groundwork.draft;

import java.util.Locale;

/**
 * A customer ticket to draft a reply to. Immutable; validated at construction.
 *
 * @param subject the ticket's subject, may be empty
 * @param body what the customer wrote
 * @param customerName how to greet the customer, or null
 * @param customerPlan the customer's plan (e.g. {@code Team}), or null; recorded with the draft
 * @param tone {@link Tone#FRIENDLY} or {@link Tone#FORMAL}
 */
public record Ticket(String subject, String body, String customerName, String customerPlan,
    Tone tone) {
  /** The longest subject, customer name or plan accepted. */
  public static final int MAX_FIELD_LENGTH = 300;

  /** The register of the reply's greeting and closing. */
  public enum Tone {
    FRIENDLY, FORMAL;

    /** The tone called {@code name} ({@code friendly}, {@code formal}); null gives friendly. */
    public static Tone parse(String name) {
      if (name == null || name.isBlank()) {
        return FRIENDLY;
      }
      return switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "friendly" -> FRIENDLY;
        case "formal" -> FORMAL;
        default -> throw new IllegalArgumentException(
            "tone must be 'friendly' or 'formal', got '" + name + "'");
      };
    }
  }

  public Ticket {
    subject = subject == null ? "" : subject.strip();
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("body must not be blank");
    }
    body = body.strip();
    if (subject.length() > MAX_FIELD_LENGTH) {
      throw new IllegalArgumentException("subject must be at most " + MAX_FIELD_LENGTH
          + " characters");
    }
    customerName = blankToNull(customerName, "customer.name");
    customerPlan = blankToNull(customerPlan, "customer.plan");
    tone = tone == null ? Tone.FRIENDLY : tone;
  }

  private static String blankToNull(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_FIELD_LENGTH) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_FIELD_LENGTH
          + " characters");
    }
    return value.strip();
  }
}
