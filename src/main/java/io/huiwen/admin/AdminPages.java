package io.huiwen.admin;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the viewer ({@link AdminViewer}) into the model of every admin page, for the shared admin navigation. */
@ControllerAdvice(basePackageClasses = AdminPages.class)
class AdminPages {

    @ModelAttribute("viewer")
    AdminViewer viewer(Principal principal) {
        return AdminViewer.of(principal);
    }
}
