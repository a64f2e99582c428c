package io.hotline.query.audit.bulletin;

import io.hotline.kernel.common.Actor;
import io.hotline.kernel.units.UnitKind;
import io.hotline.query.audit.Html;
import io.hotline.query.figures.levels.PeerGroup;
import io.hotline.query.figures.query.UnitStandings.Rate;
import io.hotline.query.figures.query.UnitStandings.Standings;
import io.hotline.query.figures.query.UnitStandings.UnitLine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The periodic bulletin per unit (定期通报) as a spreadsheet and as a printable page. The CSV starts with a UTF-8
 * byte order mark, without which Excel on a Chinese desktop reads the file as GBK and garbles every header; cells
 * that a spreadsheet would take for a formula ({@code = + - @}) are prefixed with an apostrophe.
 */
final class BulletinExport {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<String> HEADERS = List.of("排名 Rank", "单位 Unit", "诉求件数 Cases",
            "按时签收率 On-time sign-for (%)", "按时办结率 On-time completion (%)", "超期件数 Overdue",
            "满意率 Satisfaction (%)", "解决率 Solved (%)", "重办率 Reopened (%)", "一次性告知违规 One-time-notice violations",
            "得分 Score", "低于通报线 Below floor", "同级分组 Peer group");
    private static final Map<String, String> RATE_ZH = Map.of("response", "响应率", "solution", "解决率",
            "satisfaction", "满意率", "onTimeCompletion", "按时办结率", "feedbackCoverage", "回访率");

    private final ZoneId zone;
    private final DateTimeFormatter time;

    BulletinExport(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    byte[] csv(Standings bulletin) {
        StringBuilder out = new StringBuilder();
        row(out, HEADERS);
        for (UnitLine line : bulletin.units()) {
            List<String> cells = new ArrayList<>();
            cells.add(line.rank() == null ? "" : line.rank().toString());
            cells.add(line.unit());
            cells.add(Long.toString(line.cases()));
            cells.add(percent(line.onTimeSignFor()));
            cells.add(percent(line.onTimeCompletion()));
            cells.add(Long.toString(line.overdue()));
            cells.add(percent(line.satisfaction()));
            cells.add(percent(line.solved()));
            cells.add(percent(line.reopened()));
            cells.add(Long.toString(line.repeatedMaterialRequests()));
            cells.add(line.score() == null ? "" : String.format(Locale.ROOT, "%.1f", line.score()));
            cells.add(String.join(";", line.belowFloor()));
            cells.add(line.group());
            row(out, cells);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        return withBom;
    }

    String html(Standings bulletin, Actor by, Instant at) {
        String period = bulletin.from() + " 至 " + bulletin.to();
        Html html = Html.document("承办单位定期通报 " + period);
        html.tag("<header>\n<h1>").text("承办单位定期通报（" + period + "）").tag("</h1>\n</header>\n");
        // like with like: one ranking per peer group (the districts, the streets of each district, ...), top-down
        for (PeerGroup group : bulletin.groups()) {
            section(html, "考核排名 / Ranking · " + label(group), bulletin.of(group));
        }
        if (bulletin.groups().isEmpty()) {
            section(html, "考核排名 / Ranking", bulletin.units());
        }

        html.tag("<section>\n<h2>").text("通报 / Named below the floors").tag("</h2>\n");
        boolean anyBelow = false;
        for (Map.Entry<String, Double> floor : bulletin.floors().entrySet()) {
            List<String> below = bulletin.units().stream()
                    .filter(line -> line.belowFloor().contains(floor.getKey()))
                    .map(UnitLine::unit).toList();
            if (!below.isEmpty()) {
                anyBelow = true;
                html.tag("<p>").text(zh(floor.getKey()) + "低于 "
                        + Math.round(floor.getValue() * 100) + "% 的单位：").element("span", "below",
                        String.join("、", below)).tag("</p>\n");
            }
        }
        if (!anyBelow) {
            html.tag("<p>").text("本期无低于通报线的单位。").tag("</p>\n");
        }
        html.tag("</section>\n");
        html.tag("<footer>\n<p>").text("统计口径：" + basis(bulletin)).tag("<br>")
                .text("生成时间：" + time.format(at) + "（" + zone.getId() + "）；生成人：" + by.userId() + "（" + by.unitId()
                        + (by.standingInFor() == null ? "" : "，代 " + by.standingInFor()) + "）。")
                .tag("</p>\n</footer>\n");
        return html.finish();
    }

    private static void section(Html html, String title, List<UnitLine> lines) {
        html.tag("<section>\n<h2>").text(title).tag("</h2>\n<table>\n<thead><tr>");
        for (String head : HEADERS) {
            html.element("th", null, head);
        }
        html.tag("</tr></thead>\n<tbody>\n");
        for (UnitLine line : lines) {
            html.tag("<tr>")
                    .cell("num", line.rank() == null ? "未排名" : line.rank())
                    .cell(line.unit())
                    .cell("num", line.cases())
                    .cell(rateClass(line, "response"), percent(line.onTimeSignFor()))
                    .cell("num", percent(line.onTimeCompletion()))
                    .cell("num", line.overdue())
                    .cell(rateClass(line, "satisfaction"), percent(line.satisfaction()))
                    .cell(rateClass(line, "solution"), percent(line.solved()))
                    .cell("num", percent(line.reopened()))
                    .cell("num", line.repeatedMaterialRequests())
                    .cell("num", line.score() == null ? "-" : String.format(Locale.ROOT, "%.1f", line.score()))
                    .cell(line.belowFloor().isEmpty() ? "" : line.belowFloor().stream().map(BulletinExport::zh)
                            .collect(Collectors.joining("、")))
                    .tag("</tr>\n");
        }
        html.tag("</tbody>\n</table>\n</section>\n");
    }

    /** A peer group as a heading: 区县, 镇街（HUANCUI）, 其他单位. */
    static String label(PeerGroup group) {
        if (PeerGroup.OTHER_LEVEL.equals(group.level())) {
            return "其他单位";
        }
        String kind;
        try {
            kind = UnitKind.valueOf(group.level()).label();
        } catch (IllegalArgumentException unknown) {
            kind = group.level();
        }
        return group.parent() == null ? kind : kind + "（" + group.parent() + "）";
    }

    /** How the figures were computed, in a sentence printed under the table; built from the policy in force. */
    static String basis(Standings bulletin) {
        String weights = bulletin.weights().entrySet().stream()
                .map(weight -> zh(weight.getKey()) + "×" + String.format(Locale.ROOT, "%.2f", weight.getValue()))
                .collect(Collectors.joining(" + "));
        String floors = bulletin.floors().entrySet().stream()
                .map(floor -> zh(floor.getKey()) + " " + Math.round(floor.getValue() * 100) + "%")
                .collect(Collectors.joining("，"));
        return "各项指标按其结算之日计入当时的承办单位，与统计报表同一口径；按时签收率为响应率；"
                + "得分 = 100 ×（" + weights + "）÷ 权重之和；"
                + "同级单位相比（同一区县的镇街、各区县、市直部门……），各单位按其下辖单位汇总计；通报线：" + (floors.isEmpty() ? "无" : floors) + "。";
    }

    private static String zh(String rate) {
        return RATE_ZH.getOrDefault(rate, rate);
    }

    private static String rateClass(UnitLine line, String rate) {
        return line.belowFloor().contains(rate) ? "num below" : "num";
    }

    private static String percent(Rate rate) {
        Double value = rate.value();
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value * 100);
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(BulletinExport::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** RFC 4180 quoting, and no cell that a spreadsheet would run as a formula. */
    static String cell(String value) {
        String safe = value == null ? "" : value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
