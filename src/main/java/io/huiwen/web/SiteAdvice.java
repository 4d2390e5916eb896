package io.huiwen.web;

import io.huiwen.HuiwenProperties;
import io.huiwen.article.CategoryRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the site chrome (name, category navigation) into the model of every portal page. */
@ControllerAdvice(annotations = PortalPage.class) // not for JSON or image endpoints: no category query per API call
class SiteAdvice {

    private final HuiwenProperties properties;
    private final CategoryRepository categories;

    SiteAdvice(HuiwenProperties properties, CategoryRepository categories) {
        this.properties = properties;
        this.categories = categories;
    }

    /** The CSRF token for the page's forms (admin, login); null where Spring Security put none. */
    @ModelAttribute("_csrf")
    Object csrf(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute("_csrf");
    }

    @ModelAttribute("site")
    SiteChrome site() {
        return new SiteChrome(properties.siteName(), categories.findAll());
    }
}
