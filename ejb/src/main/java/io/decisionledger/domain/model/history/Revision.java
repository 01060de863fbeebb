package io.decisionledger.domain.model.history;

import io.decisionledger.infrastructure.history.RevisionAuthor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One transaction's worth of recorded changes (Hibernate Envers' revision): when, by whom and on
 * which request. Every row of an {@code *_aud} table points at one. Written by Envers only, never
 * changed: the application maps no write path to it.
 */
@Entity
@Table(name = "revision")
@RevisionEntity(RevisionAuthor.class)
public class Revision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @RevisionNumber
  private long id;

  @RevisionTimestamp
  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Column(name = "changed_by", nullable = false, length = 200)
  private String changedBy;

  @Column(name = "request_id", length = 64)
  private String requestId;

  /** Called by the revision listener before Envers writes the revision. */
  public void attribute(String changedBy, String requestId) {
    this.changedBy = changedBy;
    this.requestId = requestId;
  }

  public long getId() {
    return id;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getChangedBy() {
    return changedBy;
  }

  public String getRequestId() {
    return requestId;
  }
}
