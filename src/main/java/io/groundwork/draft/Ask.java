package io.groundwork.draft;

/**
 * One thing a ticket asks for.
 *
 * @param text the customer's sentence, personal data masked
 * @param query what is searched and answered: the sentence, with the ticket's subject when the
 *     sentence alone says too little ("Can I get it back?")
 */
public record Ask(String text, String query) {
  public Ask {
    if (text == null || text.isBlank() || query == null || query.isBlank()) {
      throw new IllegalArgumentException("an ask needs a text and a query");
    }
  }
}
