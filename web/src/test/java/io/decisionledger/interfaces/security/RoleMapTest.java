package io.decisionledger.interfaces.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMapTest {

  @Test
  void mapsEachValueToItsRolesAndIgnoresUnmappedValues() {
    RoleMap map = RoleMap.parse(" 9f1c-editors = editor, 9f1c-editors=viewer,auditors=auditor ,");
    assertThat(map.rolesFor(List.of("9f1c-editors"))).containsExactlyInAnyOrder("editor", "viewer");
    assertThat(map.rolesFor(List.of("auditors", "unknown"))).containsExactly("auditor");
    assertThat(map.rolesFor(List.of("unknown", "editor", "admin"))).as("a value is not a role")
        .isEmpty();
    assertThat(map.rolesFor(List.of("9F1C-EDITORS"))).as("values compare exactly").isEmpty();
  }

  @Test
  void anEmptyMapGivesNothing() {
    assertThat(RoleMap.parse(null).rolesFor(List.of("admin"))).isEmpty();
    assertThat(RoleMap.parse("  ").rolesFor(List.of("admin"))).isEmpty();
  }

  @Test
  void refusesPairsThatAreNotValueEqualsRole() {
    assertThatThrownBy(() -> RoleMap.parse("group-a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'group-a'");
    assertThatThrownBy(() -> RoleMap.parse("group-a=superuser"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("superuser");
    assertThatThrownBy(() -> RoleMap.parse("=editor"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RoleMap.parse("tokens=api-ingest")).as("token scopes are not"
        + " people's roles").isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsSingleAndArrayClaims() {
    assertThat(RoleMap.values("g1")).containsExactly("g1");
    assertThat(RoleMap.values(List.of("g1", 7, "g2"))).containsExactly("g1", "g2");
    assertThat(RoleMap.values(null)).isEmpty();
    assertThat(RoleMap.values(42)).isEmpty();
  }

  @Test
  void aClaimTheProviderRefersElsewhereForIsLeftOutNotEmpty() {
    Map<String, Object> overage = Map.of("sub", "u1",
        "_claim_names", Map.of("groups", "src1"),
        "_claim_sources", Map.of("src1", Map.of("endpoint", "https://graph")));
    assertThat(RoleMap.leftOut(overage, "groups")).isTrue();
    assertThat(RoleMap.leftOut(overage, "roles")).as("another claim is simply absent").isFalse();
    assertThat(RoleMap.leftOut(Map.of("hasgroups", true), "groups")).isTrue();
    assertThat(RoleMap.leftOut(Map.of("groups", List.of()), "groups"))
        .as("present, if empty").isFalse();
    assertThat(RoleMap.leftOut(Map.of("sub", "u2"), "groups")).isFalse();
  }
}
