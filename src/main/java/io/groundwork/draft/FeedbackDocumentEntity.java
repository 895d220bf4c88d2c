package io.groundwork.draft;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document cited by the draft or answer that a piece of feedback is about. */
@Entity
@Table(name = "feedback_documents")
public class FeedbackDocumentEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "feedback_id", nullable = false)
  public long feedbackId;

  @Column(name = "document_id", nullable = false)
  public String documentId;

  @Column(nullable = false)
  public String path;

  @Column(nullable = false)
  public String title;
}
