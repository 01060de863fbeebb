package io.decisionledger.domain.model.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** An option a decision considered, with its pros and cons (one point a line). */
@Embeddable
public class ConsideredOption {

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 4000)
  private String description;

  @Column(length = 4000)
  private String pros;

  @Column(length = 4000)
  private String cons;

  protected ConsideredOption() {}

  public ConsideredOption(String name, String description, String pros, String cons) {
    this.name = Texts.required(name, "option name");
    this.description = Texts.optional(description);
    this.pros = Texts.optional(pros);
    this.cons = Texts.optional(cons);
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public String getPros() {
    return pros;
  }

  public String getCons() {
    return cons;
  }

  /** The pros, one a line, without list markers or blank lines. */
  public List<String> proList() {
    return points(pros);
  }

  public List<String> conList() {
    return points(cons);
  }

  static List<String> points(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R"))
        .map(line -> line.strip().replaceFirst("^[-*+]\\s+", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsideredOption other && Objects.equals(name, other.name)
        && Objects.equals(description, other.description) && Objects.equals(pros, other.pros)
        && Objects.equals(cons, other.cons);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, pros, cons);
  }
}
