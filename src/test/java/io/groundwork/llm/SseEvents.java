package io.groundwork.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Parses a complete Server-Sent Events body into named JSON events, in order. */
public final class SseEvents {
  /** One event. */
  public record Event(String name, JsonNode data) {}

  private SseEvents() {}

  public static List<Event> parse(String body) {
    ObjectMapper json = new ObjectMapper();
    List<Event> events = new ArrayList<>();
    for (String block : body.replace("\r\n", "\n").split("\n\n")) {
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          if (!data.isEmpty()) {
            data.append('\n');
          }
          data.append(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
        }
      }
      if (!data.isEmpty()) {
        try {
          events.add(new Event(name, json.readTree(data.toString())));
        } catch (IOException e) {
          throw new UncheckedIOException("event data is not JSON: " + data, e);
        }
      }
    }
    return events;
  }

  public static List<Event> named(List<Event> events, String name) {
    return events.stream().filter(e -> e.name().equals(name)).toList();
  }
}
