package io.huiwen.collect;

import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake site as a JUnit extension, registered once per class:
 * {@code @RegisterExtension static final FakeSiteExtension site = new FakeSiteExtension();}.
 * It runs from construction (so static fields and property sources may use its URLs) until the
 * class's tests are done; before each test it forgets the requests received and the routes a
 * previous test added, keeping the pages given to the constructor.
 */
public final class FakeSiteExtension extends FakeSite implements BeforeEachCallback, AfterAllCallback {

    public FakeSiteExtension() {
        this(site -> { });
    }

    /** A site that serves {@code pages} (routes set on it) to every test of the class. */
    public FakeSiteExtension(Consumer<FakeSite> pages) {
        pages.accept(this);
        keepRoutes();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
