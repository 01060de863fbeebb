package io.decisionledger.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.decisionledger.application.Page;
import io.decisionledger.domain.model.experiment.Experiment;
import io.decisionledger.interfaces.experiment.web.ExperimentLazyModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagedModelTest {

  private static ExperimentLazyModel model() {
    return new ExperimentLazyModel(
        q -> new Page<>(List.of(new Experiment("Row " + q.offset(), null, null, "team",
            Instant.EPOCH)), 42, q.offset(), q.limit()),
        () -> "text", () -> null);
  }

  @Test
  void aModelHoldingAPageOfEntitiesSerializesWithoutThem() throws Exception {
    ExperimentLazyModel model = model();
    model.setWrappedData(model.load(0, 20, Map.of(), Map.of()));
    model.setPageSize(20);
    assertThat(model.getWrappedData()).hasSize(1);
    // The entity itself cannot be written: this is what the session store refused.
    assertThatThrownBy(() -> serialize(model.getWrappedData()))
        .isInstanceOf(NotSerializableException.class);

    Object copy = deserialize(serialize(model));

    assertThat(copy).isInstanceOf(ExperimentLazyModel.class);
    ExperimentLazyModel restored = (ExperimentLazyModel) copy;
    assertThat(restored.getWrappedData()).isNull();
    assertThat(restored.getRowCount()).isEqualTo(42);
    assertThat(restored.getPageSize()).isEqualTo(20);
    // The source and filters came along: the next request loads its page again.
    assertThat(restored.load(20, 20, Map.of(), Map.of())).singleElement()
        .extracting(Experiment::getTitle).isEqualTo("Row 20");
    // And the live model still has its rows.
    assertThat(model.getWrappedData()).hasSize(1);
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
