package io.decisionledger.interfaces.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.FieldError;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.interfaces.web.Messages;
import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunFormsTest {

  @Test
  void parametersSkipBlankRowsAndNameTheRowOfEachError() {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> map = RunNewBean.parameterMap(List.of(
        new ParameterRow(" nodes ", " 3 "),
        new ParameterRow("", ""),
        new ParameterRow("", "orphan"),
        new ParameterRow("nodes", "4")), errors);

    assertThat(map).containsExactly(Map.entry("nodes", "3"));
    assertThat(errors).extracting(FieldError::field).containsExactly(
        "runForm:parameters:2:parameterName", "runForm:parameters:3:parameterName");
  }

  @Test
  void measurementsSkipEmptyRowsAndNeedAKnownMetricAndAValue() {
    MeasurementRow ok = new MeasurementRow("boot_time");
    ok.setValue(41.5);
    ok.setStep(2L);
    MeasurementRow unknown = new MeasurementRow("nope");
    unknown.setValue(1.0);
    MeasurementRow stepOnly = new MeasurementRow("boot_time");
    stepOnly.setStep(1L);
    List<FieldError> errors = new ArrayList<>();

    List<MeasurementInput> inputs = RunNewBean.measurementInputs(
        List.of(ok, new MeasurementRow("boot_time"), unknown, stepOnly), Set.of("boot_time"), errors);

    assertThat(inputs).containsExactly(new MeasurementInput("boot_time", 41.5, 2L, null));
    assertThat(errors).extracting(FieldError::field).containsExactly(
        "runForm:measurements:2:measurementMetric", "runForm:measurements:3:measurementValue");
  }

  @Test
  void unknownMetricsAreCountedOncePerName() {
    List<FieldError> errors = RunUploadBean.unknownMetrics(List.of(
        new MeasurementInput("a", 1, null, null),
        new MeasurementInput("x", 1, null, null),
        new MeasurementInput("x", 2, null, null)), Set.of("a", "b"));

    assertThat(errors).containsExactly(new FieldError("metric 'x'",
        "unknown in this experiment (2 rows); known metrics: a, b"));
  }

  @Test
  void aByteOrderMarkIsDropped() throws Exception {
    try (Reader r = RunUploadBean.withoutBom(new BufferedReader(new StringReader("\uFEFFmetric")))) {
      char[] buf = new char[6];
      assertThat(r.read(buf)).isEqualTo(6);
      assertThat(new String(buf)).isEqualTo("metric");
    }
  }

  @Test
  void fieldErrorsFindTheirInput() {
    Map<String, String> fields = Map.of("name", "variantForm:variantName");
    assertThat(Messages.clientId("name", fields)).isEqualTo("variantForm:variantName");
    assertThat(Messages.clientId("name.first", fields)).isEqualTo("variantForm:variantName");
    assertThat(Messages.clientId("owner", fields)).isNull();
  }
}
