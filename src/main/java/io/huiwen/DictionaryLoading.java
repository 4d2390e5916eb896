package io.huiwen;

import io.huiwen.text.Dictionaries;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * When the portal starts, the HanLP dictionaries that search and the index need load on a thread of
 * their own while Spring builds the application on the main one: the index catch-up before
 * readiness and a reader's first search find them loaded. The rest, which only enrichment needs
 * (bigrams, names, places: the first collected or imported article), load in the background
 * {@link #AFTER_READY} after the portal is ready, so they compete neither with the start nor with
 * the first readers' pages for the CPU (on two cores, every thread of a start does); a poll that
 * comes first loads what it needs itself. Commands start without it: most need no dictionary, and
 * {@code import} loads them with its first page. Registered in {@code META-INF/spring.factories}, to
 * start before the context exists.
 */
public class DictionaryLoading implements ApplicationListener<SpringApplicationEvent> {

    /** How long after readiness the rest of the dictionaries start loading. */
    static final Duration AFTER_READY = Duration.ofSeconds(5);

    private final Consumer<Runnable> background;
    private final Runnable forSearch;
    private final Runnable all;

    public DictionaryLoading() {
        this(Dictionaries::inBackground, Dictionaries::loadForSearch, DictionaryLoading::loadAllSoon);
    }

    /** Hands {@code forSearch} and then {@code all} to {@code background} when their time comes. */
    DictionaryLoading(Consumer<Runnable> background, Runnable forSearch, Runnable all) {
        this.background = background;
        this.forSearch = forSearch;
        this.all = all;
    }

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event.getSpringApplication().getWebApplicationType() != WebApplicationType.SERVLET) {
            return;
        }
        if (event instanceof ApplicationEnvironmentPreparedEvent) {
            background.accept(forSearch);
        } else if (event instanceof ApplicationReadyEvent) {
            background.accept(all);
        }
    }

    private static void loadAllSoon() {
        try {
            Thread.sleep(AFTER_READY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Dictionaries.load();
    }
}
