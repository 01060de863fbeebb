package io.decisionledger.checks.k8s;

import static io.decisionledger.checks.k8s.Manifests.at;
import static io.decisionledger.checks.k8s.Manifests.list;
import static io.decisionledger.checks.k8s.Manifests.map;
import static io.decisionledger.checks.k8s.Manifests.maps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Pod Security Standards "restricted" profile (which includes "baseline"), as the Kubernetes
 * documentation lists its controls, applied to a pod spec. Returns every violation, so a report
 * shows all of them at once.
 */
public final class PodSecurityRestricted {

  /** Volume types restricted allows. */
  static final Set<String> ALLOWED_VOLUME_TYPES =
      Set.of(
          "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
          "projected", "secret");

  /** Baseline's safe sysctls. */
  static final Set<String> SAFE_SYSCTLS =
      Set.of(
          "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
          "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
          "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
          "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

  private static final Set<String> SELINUX_TYPES =
      Set.of("container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private PodSecurityRestricted() {}

  /** Violations of the restricted profile in one pod spec; empty when it complies. */
  public static List<String> violations(Map<String, Object> podSpec) {
    List<String> v = new ArrayList<>();
    Map<String, Object> podSc = map(podSpec.get("securityContext"));

    // Baseline: host namespaces.
    for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (Boolean.TRUE.equals(podSpec.get(host))) {
        v.add("pod: " + host + " must not be true");
      }
    }
    // Baseline: sysctls.
    for (Map<String, Object> sysctl : maps(podSc.get("sysctls"))) {
      if (!SAFE_SYSCTLS.contains(String.valueOf(sysctl.get("name")))) {
        v.add("pod: sysctl " + sysctl.get("name") + " is not in the safe set");
      }
    }
    // Restricted: volume types (baseline forbids hostPath).
    for (Map<String, Object> volume : maps(podSpec.get("volumes"))) {
      List<String> types = volume.keySet().stream().filter(k -> !"name".equals(k)).toList();
      for (String type : types) {
        if (!ALLOWED_VOLUME_TYPES.contains(type)) {
          v.add("volume " + volume.get("name") + ": type " + type + " is not allowed");
        }
      }
    }
    // Pod-level settings that containers may inherit.
    Object podRunAsNonRoot = podSc.get("runAsNonRoot");
    Object podSeccomp = at(podSc, "seccompProfile", "type");
    checkSeccompValue("pod", podSeccomp, v);
    checkRunAsUser("pod", podSc.get("runAsUser"), v);
    checkSeLinux("pod", map(podSc.get("seLinuxOptions")), v);
    checkAppArmor("pod", map(podSc.get("appArmorProfile")), v);

    List<Map<String, Object>> containers = new ArrayList<>();
    containers.addAll(maps(podSpec.get("initContainers")));
    containers.addAll(maps(podSpec.get("containers")));
    containers.addAll(maps(podSpec.get("ephemeralContainers")));
    if (maps(podSpec.get("containers")).isEmpty()) {
      v.add("pod: has no containers");
    }
    for (Map<String, Object> container : containers) {
      String where = "container " + container.get("name");
      Map<String, Object> sc = map(container.get("securityContext"));
      // Baseline.
      if (Boolean.TRUE.equals(sc.get("privileged"))) {
        v.add(where + ": privileged must not be true");
      }
      for (Map<String, Object> port : maps(container.get("ports"))) {
        Object hostPort = port.get("hostPort");
        if (hostPort != null && !Objects.equals(hostPort, 0)) {
          v.add(where + ": hostPort " + hostPort + " is not allowed");
        }
      }
      Object procMount = sc.get("procMount");
      if (procMount != null && !"Default".equals(procMount)) {
        v.add(where + ": procMount must be Default");
      }
      checkSeLinux(where, map(sc.get("seLinuxOptions")), v);
      checkAppArmor(where, map(sc.get("appArmorProfile")), v);
      // Restricted.
      if (!Boolean.FALSE.equals(sc.get("allowPrivilegeEscalation"))) {
        v.add(where + ": allowPrivilegeEscalation must be false");
      }
      Object runAsNonRoot = sc.containsKey("runAsNonRoot") ? sc.get("runAsNonRoot") : podRunAsNonRoot;
      if (!Boolean.TRUE.equals(runAsNonRoot)) {
        v.add(where + ": runAsNonRoot must be true (in the container or the pod)");
      }
      if (Boolean.FALSE.equals(sc.get("runAsNonRoot"))) {
        v.add(where + ": runAsNonRoot must not be false");
      }
      checkRunAsUser(where, sc.get("runAsUser"), v);
      Object seccomp = sc.containsKey("seccompProfile") ? at(sc, "seccompProfile", "type") : podSeccomp;
      if (seccomp == null) {
        v.add(where + ": seccompProfile must be RuntimeDefault or Localhost (in the container or the pod)");
      } else {
        checkSeccompValue(where, seccomp, v);
      }
      List<Object> drop = list(at(sc, "capabilities", "drop"));
      if (!drop.contains("ALL")) {
        v.add(where + ": capabilities must drop ALL");
      }
      for (Object add : list(at(sc, "capabilities", "add"))) {
        if (!"NET_BIND_SERVICE".equals(add)) {
          v.add(where + ": capability " + add + " may not be added");
        }
      }
    }
    return v;
  }

  private static void checkSeccompValue(String where, Object type, List<String> v) {
    if (type != null && !"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
      v.add(where + ": seccompProfile " + type + " is not allowed (RuntimeDefault or Localhost)");
    }
  }

  private static void checkRunAsUser(String where, Object runAsUser, List<String> v) {
    if (runAsUser != null && Objects.equals(((Number) runAsUser).longValue(), 0L)) {
      v.add(where + ": runAsUser must not be 0");
    }
  }

  private static void checkSeLinux(String where, Map<String, Object> options, List<String> v) {
    Object type = options.get("type");
    if (type != null && !SELINUX_TYPES.contains(type)) {
      v.add(where + ": SELinux type " + type + " is not allowed");
    }
    if (options.get("user") != null || options.get("role") != null) {
      v.add(where + ": SELinux user and role must not be set");
    }
  }

  private static void checkAppArmor(String where, Map<String, Object> profile, List<String> v) {
    Object type = profile.get("type");
    if (type != null && !"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
      v.add(where + ": AppArmor profile " + type + " is not allowed");
    }
  }

  /** Violations in every pod-bearing object of a list, prefixed with the object's kind/name. */
  public static List<String> violationsIn(List<Map<String, Object>> objects) {
    List<String> all = new ArrayList<>();
    for (Map<String, Object> object : objects) {
      Manifests.podSpec(object)
          .ifPresent(spec -> violations(spec).forEach(x -> all.add(Manifests.id(object) + ": " + x)));
    }
    return all;
  }
}
