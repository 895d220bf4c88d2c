package io.groundwork.draft;

import io.groundwork.answer.PromptLibrary;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed parts of a drafted reply, from the templates in {@code prompts/}: greeting (by tone,
 * with or without the customer's name), opening, the holding line for asks the knowledge base
 * does not cover, closing. They state no fact, so they cite nothing. Immutable.
 */
public final class ReplyTemplates {
  private final PromptLibrary prompts;

  public ReplyTemplates(PromptLibrary prompts) {
    this.prompts = prompts;
    for (String name : List.of("draft-greeting", "draft-greeting-formal", "draft-greeting-unnamed",
        "draft-opening", "draft-uncovered", "draft-closing", "draft-closing-formal")) {
      prompts.template(name); // a missing template fails at start, not on the first draft
    }
  }

  public String version() {
    return prompts.version();
  }

  /** The greeting line. */
  public String greeting(Ticket ticket) {
    if (ticket.customerName() == null) {
      return prompts.template("draft-greeting-unnamed");
    }
    String name = ticket.tone() == Ticket.Tone.FORMAL ? "draft-greeting-formal" : "draft-greeting";
    return prompts.template(name).replace("{{name}}", ticket.customerName());
  }

  public String opening() {
    return prompts.template("draft-opening");
  }

  public String uncovered() {
    return prompts.template("draft-uncovered");
  }

  /** The closing lines, signed by {@code agent}. */
  public List<String> closing(Ticket ticket, String agent) {
    String name = ticket.tone() == Ticket.Tone.FORMAL ? "draft-closing-formal" : "draft-closing";
    return Arrays.stream(prompts.template(name).replace("{{agent}}", agent).split("\\R"))
        .map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
