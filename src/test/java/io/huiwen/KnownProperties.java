package io.huiwen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The property names the application binds, to tell a setting from a typo in deployment files:
 * Huiwen's own read from its {@code @ConfigurationProperties} records (recursing into nested
 * records) and its {@code @ConditionalOnBooleanProperty} switches; Spring Boot's from the
 * configuration metadata in its jars. Names are canonical (kebab-case), e.g. {@code huiwen.node-id}.
 */
final class KnownProperties {

    private final Set<String> names = new HashSet<>();
    /** Map-typed properties (logging.level): any key below one binds. */
    private final Set<String> maps = new HashSet<>();

    private KnownProperties() {}

    /** Huiwen's properties, found in the classes under {@code io.huiwen}. */
    static KnownProperties huiwen() {
        var known = new KnownProperties();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> {
            AnnotationMetadata type = reader.getAnnotationMetadata();
            return type.hasAnnotation(ConfigurationProperties.class.getName())
                    || type.hasAnnotation(ConditionalOnBooleanProperty.class.getName())
                    || type.hasAnnotatedMethods(ConditionalOnBooleanProperty.class.getName());
        });
        for (var bean : scanner.findCandidateComponents("io.huiwen")) {
            var type = ((org.springframework.beans.factory.annotation.AnnotatedBeanDefinition) bean).getMetadata();
            var properties = AnnotationAttributes.fromMap(type.getAnnotationAttributes(ConfigurationProperties.class.getName()));
            if (properties != null) {
                known.addRecord(properties.getString("prefix").isEmpty() ? properties.getString("value") : properties.getString("prefix"),
                        ClassUtils.resolveClassName(type.getClassName(), KnownProperties.class.getClassLoader()));
            }
            known.addSwitch(type.getAnnotationAttributes(ConditionalOnBooleanProperty.class.getName()));
            for (MethodMetadata method : type.getAnnotatedMethods(ConditionalOnBooleanProperty.class.getName())) {
                known.addSwitch(method.getAnnotationAttributes(ConditionalOnBooleanProperty.class.getName()));
            }
        }
        return known;
    }

    /** Spring Boot's properties, from every {@code META-INF/spring-configuration-metadata.json} on the class path. */
    static KnownProperties springBoot() {
        var known = new KnownProperties();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(KnownProperties.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        known.names.add(name);
                        if (property.path("type").asString("").startsWith(Map.class.getName())) {
                            known.maps.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return known;
    }

    int size() {
        return names.size();
    }

    boolean contains(String canonicalName) {
        return names.contains(canonicalName);
    }

    /**
     * Whether an environment variable binds to one of these properties, as Spring's relaxed binding
     * reads it: upper case, {@code _} for {@code .}, dashes dropped or written {@code _}
     * ({@code HUIWEN_NODE_ID} and {@code HUIWEN_NODEID} both set {@code huiwen.node-id}), a trailing
     * {@code _0} for a list's element, any key below a map.
     */
    boolean bindsEnvironmentVariable(String variable) {
        String list = variable.replaceFirst("_\\d+$", "");
        for (String name : names) {
            for (String form : environmentForms(name)) {
                if (variable.equals(form) || list.equals(form) || maps.contains(name) && variable.startsWith(form + "_")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> environmentForms(String name) {
        String upper = name.replace('.', '_').toUpperCase(Locale.ROOT);
        return List.of(upper.replace("-", ""), upper.replace('-', '_'));
    }

    private void addRecord(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type + " is not a record; read its properties here too");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord() && component.getType().getPackageName().startsWith("io.huiwen")) {
                addRecord(name, component.getType());
            } else {
                names.add(name);
                if (Map.class.isAssignableFrom(component.getType())) {
                    maps.add(name);
                }
            }
        }
    }

    private void addSwitch(Map<String, Object> attributes) {
        if (attributes == null) {
            return;
        }
        String prefix = (String) attributes.get("prefix");
        for (String key : new String[] {"name", "value"}) {
            for (String name : (String[]) attributes.get(key)) {
                names.add(prefix == null || prefix.isEmpty() ? name : prefix.replaceFirst("\\.$", "") + "." + name);
            }
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
