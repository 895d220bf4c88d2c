package io.groundwork.draft;

import java.util.List;

/** Finds what a ticket asks for: the questions and requests a reply must answer. */
public interface AskIdentifier {
  /** The asks of {@code ticket}, in the order the customer wrote them; empty when none. */
  List<Ask> identify(Ticket ticket);
}
