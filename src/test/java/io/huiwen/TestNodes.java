package io.huiwen;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Node ids for tests that play several nodes of a cluster without starting them. */
public final class TestNodes {

    private TestNodes() {}

    public static NodeId named(String id) {
        var settings = new MapConfigurationPropertySource(Map.of("huiwen.node-id", id));
        return new NodeId(new Binder(settings).bindOrCreate("huiwen", HuiwenProperties.class));
    }
}
