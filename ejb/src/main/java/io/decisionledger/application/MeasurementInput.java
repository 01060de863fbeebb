package io.decisionledger.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * One measurement as it arrives, before the metric name is resolved.
 *
 * @param metric the metric's name within the experiment
 * @param value the measured value; must be finite
 * @param step optional position in a series (iteration, second, request number)
 * @param recordedAt optional time of the measurement
 */
public record MeasurementInput(String metric, double value, Long step, Instant recordedAt)
    implements Serializable {}
