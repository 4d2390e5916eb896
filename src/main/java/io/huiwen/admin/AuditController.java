package io.huiwen.admin;

import io.huiwen.article.AuditLog;
import io.huiwen.article.Page;
import io.huiwen.web.PortalPage;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /admin/audit} (ADMIN): the audit log newest first, paged, filtered by actor, action,
 * target type and target id; each entry with who, what, when (Beijing time), its summary and its
 * before/after values field by field, long ones folded away.
 */
@Controller
@PortalPage
public class AuditController {

    static final int PAGE_SIZE = 50;
    /** A value longer than this is shown folded (under {@code <details>}). */
    static final int SHORT = 120;
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** One field's value before and after (either may be empty). */
    public record Field(String name, String before, String after) {
        public boolean isLong() {
            return before.length() > SHORT || after.length() > SHORT;
        }
    }

    /** An entry as the page shows it. */
    public record Row(AuditLog.Entry entry, String at, List<Field> fields) {
        public boolean folded() {
            return fields.size() > 4 || fields.stream().anyMatch(Field::isLong);
        }
    }

    public record AuditPage(AuditLog.Filter filter, List<String> actions, List<String> targetTypes, List<Row> rows, Page<AuditLog.Entry> found) {

        public String pageLink(int page) {
            return "/admin/audit?actor=" + enc(filter.actor()) + "&action=" + enc(filter.action()) + "&target_type=" + enc(filter.targetType())
                    + "&target_id=" + enc(filter.targetId()) + "&page=" + page;
        }

        private static String enc(String v) {
            return ArticlesAdminController.query(v);
        }
    }

    @GetMapping("/admin/audit")
    String list(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
                @RequestParam(name = "target_type", defaultValue = "") String targetType,
                @RequestParam(name = "target_id", defaultValue = "") String targetId, @RequestParam(defaultValue = "1") String page,
                Model model) {
        var filter = new AuditLog.Filter(cut(actor), cut(action), cut(targetType), cut(targetId));
        Page<AuditLog.Entry> found = audit.find(filter, ArticlesAdminController.pageNumber(page), PAGE_SIZE);
        List<Row> rows = found.items().stream().map(e -> new Row(e, at(e.at()), fields(e.before(), e.after()))).toList();
        model.addAttribute("audit", new AuditPage(filter, audit.distinct("action"), audit.distinct("target_type"), rows, found));
        return "admin-audit";
    }

    private static String cut(String v) {
        String s = v.strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }

    static String at(OffsetDateTime t) {
        return t == null ? "" : SECOND.format(t.atZoneSameInstant(BEIJING));
    }

    /** Before and after field by field when both are JSON objects (as the newsroom's commands write them), else as they are. */
    static List<Field> fields(String before, String after) {
        Map<String, String> b = object(before), a = object(after);
        if ((before != null && b == null) || (after != null && a == null)) {
            return List.of(new Field("", before == null ? "" : before, after == null ? "" : after));
        }
        Set<String> names = new LinkedHashSet<>();
        if (b != null) {
            names.addAll(b.keySet());
        }
        if (a != null) {
            names.addAll(a.keySet());
        }
        List<Field> out = new ArrayList<>();
        for (String name : names) {
            out.add(new Field(name, b == null ? "" : b.getOrDefault(name, ""), a == null ? "" : a.getOrDefault(name, "")));
        }
        return out;
    }

    private static Map<String, String> object(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (!node.isObject()) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (var e : node.properties()) {
                JsonNode v = e.getValue();
                out.put(e.getKey(), v.isNull() ? "（空）" : v.isValueNode() ? v.asString() : v.toString());
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
