package io.huiwen.admin;

import io.huiwen.article.AuditLog;
import io.huiwen.article.CategoryRepository;
import io.huiwen.article.Source;
import io.huiwen.article.SourceCatalog;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.FailureInChinese;
import io.huiwen.collect.SourcePoller;
import io.huiwen.web.PortalPage;
import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/sources} (ADMIN): every source with its health; add, edit, disable or enable,
 * delete (after a confirmation page) and "run now". Settings are checked by {@link SourceCatalog},
 * as for the API, and refused in 简体中文 with what was typed kept in the form; every change is audited.
 */
@Controller
@PortalPage
public class SourcesAdminController {

    /** One row of the sources table; {@code failure} is the last error in 简体中文, or null. */
    public record Row(Source source, long articles24h, long articlesTotal, String failure) {}

    /** What the add/edit form sends; strings as typed, so anything can be refused with a message. */
    public record SourceForm(String name, String url, String type, String category, String intervalMinutes, Boolean needsReview,
                             Boolean enabled, String charset, String referer, String cssSelector, String includePattern,
                             String excludePattern) {

        static SourceForm blank() {
            return new SourceForm("", "", "feed", "", "30", false, true, "", "", "", "", "");
        }

        static SourceForm of(Source s) {
            return new SourceForm(s.name(), s.url(), s.type().code(), s.category() == null ? "" : s.category().slug(),
                    Integer.toString(s.intervalMinutes()), s.needsReview(), s.enabled(), orEmpty(s.charset()), orEmpty(s.referer()),
                    orEmpty(s.cssSelector()), orEmpty(s.includePattern()), orEmpty(s.excludePattern()));
        }

        /** The settings to create or change a source with: blank text fields clear what they name. */
        Source.Settings settings(boolean creating) {
            Source.Type t;
            if (type == null || type.isBlank()) {
                t = null;
            } else {
                try {
                    t = Source.Type.of(type);
                } catch (IllegalArgumentException e) {
                    throw new SourceCatalog.Invalid(e.getMessage(), "类型须是 feed、sitemap、list 或 page 之一");
                }
            }
            Integer interval;
            try {
                interval = intervalMinutes == null || intervalMinutes.isBlank() ? null : Integer.valueOf(intervalMinutes.strip());
            } catch (NumberFormatException e) {
                throw new SourceCatalog.Invalid("interval_minutes is not a number", "抓取间隔须是整数（分钟）");
            }
            return new Source.Settings(creating ? orNull(name) : orEmpty(name), orEmpty(url), t, creating ? orNull(category) : orEmpty(category),
                    interval, Boolean.TRUE.equals(enabled), orEmpty(charset), orEmpty(referer), Boolean.TRUE.equals(needsReview),
                    orEmpty(cssSelector), orEmpty(includePattern), orEmpty(excludePattern));
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        private static String orNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    private final SourceRepository sources;
    private final SourceCatalog catalog;
    private final CategoryRepository categories;
    private final SourcePoller poller;
    private final AuditLog audit;
    private final Clock clock;

    SourcesAdminController(SourceRepository sources, SourceCatalog catalog, CategoryRepository categories, SourcePoller poller,
                           AuditLog audit, Clock clock) {
        this.sources = sources;
        this.catalog = catalog;
        this.categories = categories;
        this.poller = poller;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/sources")
    String list(Model model) {
        Map<Long, long[]> counts = sources.collectedCounts(OffsetDateTime.now(clock));
        List<Row> rows = sources.findAll().stream().map(s -> {
            long[] c = counts.getOrDefault(s.id(), new long[2]);
            return new Row(s, c[0], c[1], s.lastError() == null ? null : FailureInChinese.describe(s.lastError(), s.lastErrorMessage()));
        }).toList();
        model.addAttribute("rows", rows);
        return "admin-sources";
    }

    @GetMapping("/admin/sources/new")
    String addForm(Model model) {
        return form(model, null, SourceForm.blank(), null);
    }

    @PostMapping("/admin/sources")
    String add(@ModelAttribute SourceForm form, Principal who, Model model, RedirectAttributes redirect,
               jakarta.servlet.http.HttpServletResponse response) {
        try {
            Source s = catalog.create(AdminViewer.actor(who), form.settings(true));
            redirect.addFlashAttribute("notice", "已添加来源 " + s.name());
            return "redirect:/admin/sources";
        } catch (SourceCatalog.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, null, form, e.chinese());
        }
    }

    @GetMapping("/admin/sources/{id}/edit")
    String editForm(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<Source> s = sources.findById(id);
        if (s.isEmpty()) {
            return missing(id, redirect);
        }
        return form(model, s.get(), SourceForm.of(s.get()), null);
    }

    @PostMapping("/admin/sources/{id}")
    String edit(@PathVariable long id, @ModelAttribute SourceForm form, Principal who, Model model, RedirectAttributes redirect,
                jakarta.servlet.http.HttpServletResponse response) {
        Optional<Source> current = sources.findById(id);
        if (current.isEmpty()) {
            return missing(id, redirect);
        }
        try {
            Source s = catalog.update(AdminViewer.actor(who), id, form.settings(false));
            redirect.addFlashAttribute("notice", "已保存来源 " + s.name());
            return "redirect:/admin/sources";
        } catch (SourceCatalog.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, current.get(), form, e.chinese());
        }
    }

    @PostMapping("/admin/sources/{id}/disable")
    String disable(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        return switchTo(id, false, who, redirect);
    }

    @PostMapping("/admin/sources/{id}/enable")
    String enable(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        return switchTo(id, true, who, redirect);
    }

    private String switchTo(long id, boolean enabled, Principal who, RedirectAttributes redirect) {
        try {
            Source s = catalog.update(AdminViewer.actor(who), id,
                    new Source.Settings(null, null, null, null, null, enabled, null, null, null, null, null, null));
            redirect.addFlashAttribute("notice", (enabled ? "已启用来源 " : "已停用来源 ") + s.name());
            return "redirect:/admin/sources";
        } catch (SourceCatalog.SourceNotFoundException e) {
            return missing(id, redirect);
        }
    }

    @GetMapping("/admin/sources/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<Source> s = sources.findById(id);
        if (s.isEmpty()) {
            return missing(id, redirect);
        }
        model.addAttribute("source", s.get());
        model.addAttribute("articles", sources.collectedCounts(OffsetDateTime.now(clock)).getOrDefault(id, new long[2])[1]);
        return "admin-source-delete";
    }

    @PostMapping("/admin/sources/{id}/delete")
    String delete(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        Optional<Source> s = sources.findById(id);
        try {
            catalog.delete(AdminViewer.actor(who), id);
        } catch (SourceCatalog.SourceNotFoundException e) {
            return missing(id, redirect);
        }
        redirect.addFlashAttribute("notice", "已删除来源 " + s.map(Source::name).orElse("#" + id) + "；已采集的文章保留");
        return "redirect:/admin/sources";
    }

    @PostMapping("/admin/sources/{id}/run")
    String run(@PathVariable long id, Principal who, RedirectAttributes redirect) {
        Source source = sources.findById(id).orElse(null);
        if (source == null) {
            return missing(id, redirect);
        }
        String notice = poller.runNow(source).map(r -> r.error() == null
                        ? source.name() + "：发现 " + r.found() + " 篇，新增 " + r.stored() + " 篇，重复 " + r.duplicates() + " 篇，失败 " + r.failed() + " 篇"
                        : source.name() + "：抓取失败（" + FailureInChinese.describe(r.error(), r.message()) + "）")
                .orElse(source.name() + " 正在抓取中，请稍后再试");
        audit.record(AdminViewer.actor(who), "source.run", "source", id, "立即抓取 " + source.name(), null, notice);
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/sources";
    }

    private String form(Model model, Source source, SourceForm form, String error) {
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        model.addAttribute("categories", categories.findAll());
        model.addAttribute("error", error);
        return "admin-source-form";
    }

    private static String missing(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "没有编号为 " + id + " 的来源（可能已被删除）");
        return "redirect:/admin/sources";
    }
}
