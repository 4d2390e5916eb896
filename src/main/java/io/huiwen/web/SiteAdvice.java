package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.Category;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.DatabaseUnavailable;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Puts the site chrome (name, category navigation) into the model of every portal page. While
 * the database is unreachable the navigation is the last one read, and the database is not asked
 * again for a few seconds: otherwise every page, the 503 page included, would first wait out the
 * pool's connection timeout just for its menu.
 */
@ControllerAdvice(annotations = PortalPage.class) // not for JSON or image endpoints: no category query per API call
class SiteAdvice {

    private static final long BACK_OFF_NANOS = 5_000_000_000L;

    private final HuiwenProperties properties;
    private final io.huiwen.SiteUrl site;
    private final CategoryRepository categories;
    /** Absent where no web server runs (commands): no page is rendered there. */
    private final org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> assets;
    private volatile String stylesheet;
    private volatile String navScript;
    private volatile List<Category> lastKnown = List.of();
    private volatile long askAgainAt = System.nanoTime();

    SiteAdvice(HuiwenProperties properties, io.huiwen.SiteUrl site, CategoryRepository categories,
               org.springframework.beans.factory.ObjectProvider<ResourceUrlProvider> assets) {
        this.site = site;
        this.properties = properties;
        this.categories = categories;
        this.assets = assets;
    }

    /** The CSRF token for the page's forms (admin, login); null where Spring Security put none. */
    @ModelAttribute("_csrf")
    Object csrf(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute("_csrf");
    }

    @ModelAttribute("site")
    SiteChrome site() {
        return new SiteChrome(properties.siteName(), navigation(), stylesheet(), site.base(), navScript());
    }

    /** {@code /css/site-<hash>.css}; the hash is read once, the stylesheet changes only with the jar. */
    private String stylesheet() {
        String known = stylesheet;
        if (known == null) {
            ResourceUrlProvider urls = assets.getIfAvailable();
            known = urls == null ? null : urls.getForLookupPath(SiteChrome.STYLESHEET);
            if (known == null) {
                return SiteChrome.STYLESHEET; // the resource chain is not set up yet
            }
            stylesheet = known;
        }
        return known;
    }

    /** {@code /js/nav-<hash>.js}, found the same way. */
    private String navScript() {
        String known = navScript;
        if (known == null) {
            ResourceUrlProvider urls = assets.getIfAvailable();
            known = urls == null ? null : urls.getForLookupPath(SiteChrome.NAV_SCRIPT);
            if (known == null) {
                return SiteChrome.NAV_SCRIPT;
            }
            navScript = known;
        }
        return known;
    }

    private List<Category> navigation() {
        if (System.nanoTime() - askAgainAt < 0) {
            return lastKnown;
        }
        try {
            List<Category> now = categories.findAll();
            lastKnown = now;
            return now;
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e)) {
                throw e;
            }
            askAgainAt = System.nanoTime() + BACK_OFF_NANOS;
            return lastKnown;
        }
    }
}
