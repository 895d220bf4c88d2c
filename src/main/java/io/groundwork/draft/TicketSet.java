package io.groundwork.draft;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluation tickets (e.g. {@code ingestion/eval/drafting/tickets.yaml}): each ticket with what
 * it asks, whether customer-safe documents cover it, the sources a correct answer cites and facts
 * it states. Validated when loaded. Immutable.
 */
public record TicketSet(List<Case> tickets) {
  public TicketSet {
    tickets = tickets == null ? List.of() : List.copyOf(tickets);
  }

  /** One ticket with its expected asks. */
  public record Case(String id, List<String> traits, String subject, String body,
      Customer customer, String tone, List<Expected> asks) {
    public Case {
      traits = traits == null ? List.of() : List.copyOf(traits);
      asks = asks == null ? List.of() : List.copyOf(asks);
    }

    /** The ticket to draft a reply to. */
    public Ticket ticket() {
      return new Ticket(subject, body, customer == null ? null : customer.name(),
          customer == null ? null : customer.plan(), Ticket.Tone.parse(tone));
    }
  }

  /** The customer of a ticket. */
  public record Customer(String name, String plan) {}

  /**
   * An ask the ticket makes.
   *
   * @param match a word or phrase of the customer's sentence (pairs a drafted ask with it)
   * @param covered whether customer-safe documents answer it
   * @param sources paths of documents a correct answer cites (one is enough)
   * @param facts phrases a correct answer contains
   */
  public record Expected(String match, boolean covered, List<String> sources, List<String> facts) {
    public Expected {
      sources = sources == null ? List.of() : List.copyOf(sources);
      facts = facts == null ? List.of() : List.copyOf(facts);
    }
  }

  /** Reads and validates a ticket file. */
  public static TicketSet load(Path file) {
    TicketSet set;
    try {
      set = new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(file.toFile(), TicketSet.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read tickets " + file + ": " + e.getMessage(), e);
    }
    if (set == null || set.tickets().isEmpty()) {
      throw new IllegalArgumentException(file + " holds no tickets");
    }
    for (Case c : set.tickets()) {
      if (c.id() == null || c.body() == null || c.asks().isEmpty()) {
        throw new IllegalArgumentException(file + ": every ticket needs an id, a body and asks");
      }
      for (Expected ask : c.asks()) {
        if (ask.match() == null || ask.match().isBlank()) {
          throw new IllegalArgumentException(file + ": ticket " + c.id() + " has an ask without"
              + " a match");
        }
        if (ask.covered() && ask.sources().isEmpty()) {
          throw new IllegalArgumentException(file + ": ticket " + c.id() + ", ask '"
              + ask.match() + "' is covered but names no sources");
        }
      }
    }
    return set;
  }
}
