package io.decisionledger.interfaces.experiment.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.decisionledger.application.FieldError;
import io.decisionledger.application.MeasurementCsv;
import io.decisionledger.application.MeasurementInput;
import io.decisionledger.interfaces.web.Messages;
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
  void anUnknownMetricIsNamedOnceWithItsLinesAmongTheOtherErrorsInLineOrder() {
    MeasurementCsv.Result csv = MeasurementCsv.read(new StringReader(
        "metric,value\na,1\nx,1\nboot,NaN\n\nx,2\n"), 100, 100);

    List<FieldError> errors = RunUploadBean.errors(csv, Set.of("b", "a", "boot"));

    assertThat(errors).extracting(FieldError::field).containsExactly("lines 3 and 6", "line 4");
    assertThat(errors.get(0).message())
        .isEqualTo("unknown metric 'x' in this experiment; known metrics: a, b, boot");
    assertThat(errors.get(1).message()).contains("not a finite number");
  }

  @Test
  void aSingleUnknownRowIsNamedByItsLine() {
    MeasurementCsv.Result csv =
        MeasurementCsv.read(new StringReader("metric,value\nnope,1\n"), 100, 100);

    assertThat(RunUploadBean.errors(csv, Set.of())).containsExactly(new FieldError("line 2",
        "unknown metric 'nope' in this experiment; known metrics: none yet"));
  }

  @Test
  void manyLinesAreCutAfterFive() {
    StringBuilder csv = new StringBuilder("metric,value\n");
    for (int i = 0; i < 7; i++) {
      csv.append("x,").append(i).append('\n');
    }
    MeasurementCsv.Result seven = MeasurementCsv.read(new StringReader(csv.toString()), 100, 100);
    MeasurementCsv.Result five = MeasurementCsv.read(
        new StringReader("metric,value\nx,1\nx,2\nok,1\nx,3\nx,4\nx,5\n"), 100, 100);

    assertThat(RunUploadBean.errors(seven, Set.of("ok"))).extracting(FieldError::field)
        .containsExactly("lines 2, 3, 4, 5, 6 and 2 more");
    assertThat(RunUploadBean.errors(five, Set.of("ok"))).extracting(FieldError::field)
        .containsExactly("lines 2, 3, 5, 6 and 7");
  }

  @Test
  void fieldErrorsFindTheirInput() {
    Map<String, String> fields = Map.of("name", "variantForm:variantName");
    assertThat(Messages.clientId("name", fields)).isEqualTo("variantForm:variantName");
    assertThat(Messages.clientId("name.first", fields)).isEqualTo("variantForm:variantName");
    assertThat(Messages.clientId("owner", fields)).isNull();
  }
}
