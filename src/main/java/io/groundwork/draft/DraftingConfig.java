package io.groundwork.draft;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Drafting settings ({@code groundwork.drafting.*}). */
@ConfigMapping(prefix = "groundwork.drafting")
public interface DraftingConfig {
  /**
   * Four eyes: a draft counts as approved only when a second agent, not the first approver,
   * approves the same final text.
   */
  @WithDefault("false")
  boolean fourEyes();

  /** Most asks of one ticket that are answered; further ones are listed as not covered. */
  @WithDefault("6")
  int maxAsks();

  /** Longest ticket body accepted, in characters. */
  @WithDefault("20000")
  int maxTicketLength();

  /** Chunks retrieved for each ask (among customer-safe documents). */
  @WithDefault("8")
  int topK();

  /**
   * Texts whose embeddings drafting remembers (least recently used out; about 1.5 KB each with
   * the default model): macro sentences recur from ticket to ticket.
   */
  @WithDefault("10000")
  int embeddingCacheSize();

  /**
   * Words and phrases (case-insensitive, whole words) of sentences that speak to staff rather
   * than to the customer: notes in support macros such as "Tag the ticket ..." or "Use this
   * macro when ...". A sentence holding one is left out of drafts.
   */
  @WithDefault("macro,zendesk,jira,ticket type,tag the ticket,internal note,support agents,"
      + "team lead,larkspur employees,before you reply,after sending,not to be promised")
  java.util.List<String> staffOnlyPhrases();
}
