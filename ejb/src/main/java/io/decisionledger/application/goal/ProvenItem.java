package io.decisionledger.application.goal;

import java.io.Serializable;

/** A checklist item a decision or an experiment proves, with its goal. */
public record ProvenItem(long goalId, String goalTitle, long itemId, int position, String text)
    implements Serializable {}
