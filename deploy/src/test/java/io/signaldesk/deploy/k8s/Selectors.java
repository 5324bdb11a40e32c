package io.signaldesk.deploy.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Kubernetes label selector semantics: matchLabels and matchExpressions, all ANDed. */
final class Selectors {
    private Selectors() {}

    static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || ((selector.getMatchLabels() == null
                                || selector.getMatchLabels().isEmpty())
                        && (selector.getMatchExpressions() == null
                                || selector.getMatchExpressions().isEmpty()));
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        return matches(selector.getMatchLabels(), labels)
                && (selector.getMatchExpressions() == null
                        || selector.getMatchExpressions().stream().allMatch(e -> matches(e, labels)));
    }

    /** A Service's or ServiceMonitor's plain map selector; an empty one would select everything. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean matches(LabelSelectorRequirement e, Map<String, String> labels) {
        String value = labels.get(e.getKey());
        return switch (e.getOperator()) {
            case "In" -> value != null && e.getValues().contains(value);
            case "NotIn" -> value == null || !e.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator " + e.getOperator());
        };
    }
}
