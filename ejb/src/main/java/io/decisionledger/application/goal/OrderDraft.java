package io.decisionledger.application.goal;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A new order of a checklist: the ids of all its items, first to last. */
public class OrderDraft implements Serializable {

  private static final long serialVersionUID = 1L;

  @NotNull(message = "itemIds is required")
  private List<Long> itemIds = new ArrayList<>();

  public OrderDraft() {}

  public OrderDraft(List<Long> itemIds) {
    this.itemIds = itemIds == null ? null : new ArrayList<>(itemIds);
  }

  public List<Long> getItemIds() {
    return itemIds;
  }

  public void setItemIds(List<Long> itemIds) {
    this.itemIds = itemIds;
  }
}
