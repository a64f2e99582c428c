package io.hotline.query.audit.history;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Urgency;
import io.hotline.query.audit.Html;
import io.hotline.query.audit.PersonalDataScrub;
import io.hotline.query.audit.verify.ChainVerifier;
import io.hotline.query.caseview.CaseView;
import io.hotline.query.caseview.DeadlineView;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A case's history as a document to take away: JSON for tools, and printable HTML to attach to an inspection
 * report (the case's number and current state, the timeline in Chinese, times in the city's zone, the verdict of
 * the hash chain, and who generated it when). Both are built from the log, not from the read model.
 */
final class HistoryExport {

    private final DateTimeFormatter time;
    private final ZoneId zone;

    HistoryExport(ZoneId zone) {
        this.zone = zone;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    /**
     * The JSON export.
     *
     * @param state  the case now, rebuilt from the log
     * @param chain  the verdict of its hash chain when exported
     * @param events the whole history, oldest first
     */
    record Json(String caseId, String caseNumber, Instant generatedAt, GeneratedBy generatedBy, String zone,
                CaseAsOf.State state, ChainVerifier.Verdict chain, List<HistoryEntry> events) {
    }

    /** Who generated a document: the signed-in user, their unit and whom they stood in for. */
    record GeneratedBy(String userId, String unitId, String standingInFor) {

        static GeneratedBy of(Actor actor) {
            return new GeneratedBy(actor.userId(), actor.unitId(), actor.standingInFor());
        }
    }

    Json json(CaseAsOf.State state, ChainVerifier.Verdict chain, List<HistoryEntry> events, Actor by, Instant at) {
        return new Json(state.caseId(), state.view().caseNumber(), at, GeneratedBy.of(by), zone.getId(), state, chain,
                events);
    }

    String html(CaseAsOf.State state, ChainVerifier.Verdict chain, List<HistoryEntry> events, Actor by, Instant at) {
        CaseView view = state.view();
        Html html = Html.document("诉求全程记录 " + view.caseNumber() + " / Case history");
        html.tag("<header>\n<h1>").text("诉求全程记录（全程留痕）— " + view.caseNumber()).tag("</h1>\n</header>\n");

        html.tag("<section>\n<h2>").text("当前状态 / Current state").tag("</h2>\n<dl class=\"summary\">\n");
        html.term("诉求编号", view.caseNumber())
                .term("标题", PersonalDataScrub.text(view.title()))
                .term("类别", Sentences.zh(view.category()))
                .term("渠道", Sentences.zh(view.channel()))
                .term("紧急程度", zh(view.urgency()))
                .term("行政区划", view.area())
                .term("状态", zh(view.status()) + (view.supervised() ? "（挂牌督办）" : ""))
                .term("主办单位", view.leadUnit())
                .term("协办单位", view.assistingUnits().isEmpty() ? null : String.join("、", view.assistingUnits()))
                .term("责任单位（首问）", view.accountableUnit())
                .term("受理时间", format(view.registeredAt()))
                .term("签收时限", deadline(view.signForDeadline()))
                .term("办结时限", deadline(view.completionDeadline()))
                .term("答复时间", format(view.repliedAt()))
                .term("结束时间", format(view.endedAt()))
                .term("转办 / 异议 / 重办", view.counters().transfers() + " / " + view.counters().objections() + " / "
                        + view.counters().reopens())
                .term("事件数", events.size());
        if (!view.above().isEmpty()) {
            // 分级派单: the levels the case went down, the first-level unit first, and the reviewer's clock
            List<String> levels = new java.util.ArrayList<>(view.above().stream().map(level -> level.unit()).toList());
            levels.add(view.leadUnit());
            html.term("下派层级", String.join(" → ", levels)).term("审核时限", deadline(view.reviewDeadline()));
        }
        html.tag("</dl>\n</section>\n");

        html.tag("<section>\n<h2>").text("防篡改校验 / Chain verification").tag("</h2>\n<p>");
        if (chain.intact()) {
            html.element("span", "ok", "完整").text("：全部 " + events.size()
                    + " 个事件与其哈希链一致（SHA-256），校验时间 " + format(chain.checkedAt()) + "。");
        } else {
            html.element("span", "broken", "已被改动").text("：第 " + chain.firstBreak().sequenceNumber()
                    + " 号事件（事件 " + chain.firstBreak().eventId() + "，日志位置 " + chain.firstBreak().position()
                    + "）：" + chain.firstBreak().reason() + "。校验时间 " + format(chain.checkedAt()) + "。");
        }
        html.tag("</p>\n</section>\n");

        html.tag("<section>\n<h2>").text("办理时间线 / Timeline（" + zone.getId() + "）").tag("</h2>\n<table>\n<thead><tr>");
        for (String head : List.of("序号", "时间", "经办人", "单位", "代岗（AB角）", "事件", "哈希")) {
            html.element("th", null, head);
        }
        html.tag("</tr></thead>\n<tbody>\n");
        for (HistoryEntry entry : events) {
            html.tag("<tr>")
                    .cell("num", entry.sequenceNumber())
                    .cell(format(entry.at()))
                    .cell(entry.userId())
                    .cell(entry.unitId())
                    .cell(entry.standingInFor() == null ? "" : entry.standingInFor())
                    .cell(entry.sentence().zh())
                    .cell("mono", entry.hash() == null ? "-" : entry.hash().substring(0, Math.min(16, entry.hash().length())))
                    .tag("</tr>\n");
        }
        html.tag("</tbody>\n</table>\n</section>\n");

        html.tag("<footer>\n<p>").text("生成时间：" + format(at) + "（" + zone.getId() + "）；生成人：" + by.userId() + "（"
                + by.unitId() + (by.standingInFor() == null ? "" : "，代 " + by.standingInFor()) + "）。")
                .tag("<br>").text("本文件依据事件日志生成；诉求人个人信息已脱敏。Generated from the event log; the citizen's "
                        + "personal data is masked.").tag("</p>\n</footer>\n");
        return html.finish();
    }

    private String deadline(DeadlineView deadline) {
        if (deadline == null) {
            return null;
        }
        String state = deadline.isDone() ? (Boolean.TRUE.equals(deadline.onTime()) ? "，已按时完成" : "，已完成（超时）")
                : deadline.missedAt() != null ? "，已超期" : "";
        return format(deadline.due()) + "（" + deadline.unit() + state + "）";
    }

    private String format(Instant instant) {
        return instant == null ? null : time.format(instant);
    }

    static String zh(CaseStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case REGISTERED -> "已受理";
            case RESOLVED_AT_INTAKE -> "直接办结";
            case REDIRECTED -> "已告知";
            case MERGED -> "已并单";
            case DISPATCHED -> "已派单";
            case IN_HANDLING -> "办理中";
            case REPLIED -> "已答复";
            case CLOSED -> "已归档";
            case WITHDRAWN -> "已撤回";
        };
    }

    static String zh(Urgency urgency) {
        if (urgency == null) {
            return null;
        }
        return switch (urgency) {
            case NORMAL -> "一般";
            case URGENT -> "紧急";
            case EMERGENCY -> "危及生命财产安全";
        };
    }
}
