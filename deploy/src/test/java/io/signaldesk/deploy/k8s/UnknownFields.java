package io.signaldesk.deploy.k8s;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finds fields the Kubernetes API does not know. Jackson puts every field a fabric8 model class has
 * no property for into that object's {@code additionalProperties} (that is how a typo like
 * {@code replica:} or a probe's {@code httpget:} survives parsing); this walks the object graph
 * through the model's getters and reports each such map with its path.
 */
final class UnknownFields {
    private UnknownFields() {}

    static List<String> find(Object root, String rootPath) {
        List<String> found = new ArrayList<>();
        walk(root, rootPath, found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", found));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return; // strings, numbers, booleans, enums
        }
        List<Method> getters = new ArrayList<>();
        for (Method m : value.getClass().getMethods()) {
            if (m.getParameterCount() == 0
                    && !Modifier.isStatic(m.getModifiers())
                    && m.getName().startsWith("get")
                    && m.getDeclaringClass().getName().startsWith("io.fabric8.")) {
                getters.add(m);
            }
        }
        getters.sort(Comparator.comparing(Method::getName));
        for (Method getter : getters) {
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + (path.endsWith(":") ? "" : ":") + " unknown field(s) " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4);
                walk(child, path.endsWith(":") ? path + " " + field : path + "." + field, found);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return null; // convenience getters of the model that need state we do not have
        }
    }
}
