package io.huiwen.admin;

import io.huiwen.article.Source;
import io.huiwen.article.SourceRepository;
import io.huiwen.collect.SourcePoller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import io.huiwen.web.PortalPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/sources}: every source with its health, and "run now". */
@Controller
@PortalPage
public class SourcesAdminController {

    /** One row of the sources table. */
    public record Row(Source source, long articles24h, long articlesTotal) {}

    private final SourceRepository sources;
    private final SourcePoller poller;
    private final Clock clock;

    SourcesAdminController(SourceRepository sources, SourcePoller poller, Clock clock) {
        this.sources = sources;
        this.poller = poller;
        this.clock = clock;
    }

    @GetMapping("/admin/sources")
    String list(Model model) {
        Map<Long, long[]> counts = sources.collectedCounts(OffsetDateTime.now(clock));
        List<Row> rows = sources.findAll().stream().map(s -> {
            long[] c = counts.getOrDefault(s.id(), new long[2]);
            return new Row(s, c[0], c[1]);
        }).toList();
        model.addAttribute("rows", rows);
        return "admin-sources";
    }

    @PostMapping("/admin/sources/{id}/run")
    String run(@PathVariable long id, RedirectAttributes redirect) {
        Source source = sources.findById(id).orElse(null);
        if (source == null) {
            redirect.addFlashAttribute("notice", "没有编号为 " + id + " 的来源");
        } else {
            redirect.addFlashAttribute("notice", poller.runNow(source).map(r -> r.error() == null
                    ? source.name() + "：发现 " + r.found() + " 篇，新增 " + r.stored() + " 篇，重复 " + r.duplicates() + " 篇，失败 " + r.failed() + " 篇"
                    : source.name() + "：抓取失败（" + r.error() + "）" + (r.message() == null ? "" : r.message()))
                    .orElse(source.name() + " 正在抓取中，请稍后再试"));
        }
        return "redirect:/admin/sources";
    }
}
