package io.huiwen;

import io.huiwen.text.Dictionaries;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * When the portal starts, HanLP's dictionaries load on a thread of their own while Spring builds
 * the application on the main one: the demo articles and the index catch-up, which need them
 * before readiness, find them loaded, and so does a reader's first search on a restart, which
 * loads no demo articles. Commands start without it: most need no dictionary, and {@code import}
 * loads them with its first page. Registered in {@code META-INF/spring.factories}, to start before
 * the context exists.
 */
public class DictionaryLoading implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (event.getSpringApplication().getWebApplicationType() == WebApplicationType.SERVLET) {
            Dictionaries.loadInBackground();
        }
    }
}
