package io.huiwen.admin;

import io.huiwen.article.CategoryCatalog;
import io.huiwen.article.CategoryCatalog.CategoryNotFound;
import io.huiwen.article.CategoryCatalog.Refused;
import io.huiwen.web.PortalPage;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/categories} (ADMIN): the portal's sections in navigation order, created, renamed,
 * moved up or down, given breadcrumb aliases, and deleted (after a confirmation page that offers to
 * move what they hold). The rules and their messages live in {@link CategoryCatalog}; a refused
 * change shows the list again, with the reason and what was typed.
 */
@Controller
@PortalPage
class CategoriesAdminController {

    private final CategoryCatalog catalog;

    CategoriesAdminController(CategoryCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/admin/categories")
    String list(Model model) {
        return page(model, null, "", "");
    }

    @PostMapping("/admin/categories")
    String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name, Principal who,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var c = catalog.create(AdminViewer.actor(who), slug, name);
            return done(redirect, "已新建栏目 " + c.name() + "（" + c.slug() + "），已加到导航末尾");
        } catch (Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, e.getMessage(), slug, name);
        }
    }

    @PostMapping("/admin/categories/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Principal who, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var c = catalog.rename(AdminViewer.actor(who), id, name);
            return done(redirect, "栏目已改名为 " + c.name());
        } catch (Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, e.getMessage(), "", "");
        } catch (CategoryNotFound e) {
            return missing(redirect, e);
        }
    }

    @PostMapping("/admin/categories/{id}/move")
    String move(@PathVariable long id, @RequestParam(defaultValue = "0") int step, Principal who, RedirectAttributes redirect) {
        try {
            catalog.move(AdminViewer.actor(who), id, step);
            return done(redirect, "导航顺序已更新");
        } catch (CategoryNotFound e) {
            return missing(redirect, e);
        }
    }

    @PostMapping("/admin/categories/{id}/aliases")
    String aliases(@PathVariable long id, @RequestParam(defaultValue = "") String aliases, Principal who, Model model,
                   RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var kept = catalog.setAliases(AdminViewer.actor(who), id, aliases);
            return done(redirect, "别名已保存（" + kept.size() + " 个）");
        } catch (Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, e.getMessage(), "", "");
        } catch (CategoryNotFound e) {
            return missing(redirect, e);
        }
    }

    @GetMapping("/admin/categories/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            return deletePage(model, catalog.entry(id), null);
        } catch (CategoryNotFound e) {
            return missing(redirect, e);
        }
    }

    @PostMapping("/admin/categories/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(name = "moveTo", required = false) String moveTo, Principal who, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            CategoryCatalog.Entry doomed = catalog.entry(id);
            catalog.delete(AdminViewer.actor(who), id, moveTo);
            return done(redirect, "已删除栏目 " + doomed.category().name());
        } catch (Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return deletePage(model, catalog.entry(id), e.getMessage());
        } catch (CategoryNotFound e) {
            return missing(redirect, e);
        }
    }

    private String page(Model model, String error, String slug, String name) {
        model.addAttribute("entries", catalog.entries());
        if (error != null || !model.containsAttribute("error")) {
            model.addAttribute("error", error); // else the flash attribute a redirect brought
        }
        model.addAttribute("newSlug", slug);
        model.addAttribute("newName", name);
        return "admin-categories";
    }

    private String deletePage(Model model, CategoryCatalog.Entry entry, String error) {
        model.addAttribute("entry", entry);
        model.addAttribute("others", catalog.entries().stream().filter(e -> e.category().id() != entry.category().id())
                .map(CategoryCatalog.Entry::category).toList());
        model.addAttribute("error", error);
        return "admin-category-delete";
    }

    private static String done(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice + "（门户导航几秒内更新）");
        return "redirect:/admin/categories";
    }

    private static String missing(RedirectAttributes redirect, CategoryNotFound e) {
        redirect.addFlashAttribute("error", e.getMessage() + "（可能已被删除）");
        return "redirect:/admin/categories";
    }
}
