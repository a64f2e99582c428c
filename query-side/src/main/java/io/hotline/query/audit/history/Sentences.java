package io.hotline.query.audit.history;

import io.hotline.kernel.cases.CaseClosed;
import io.hotline.kernel.cases.CaseLocated;
import io.hotline.kernel.cases.CaseMerged;
import io.hotline.kernel.cases.CaseRedirected;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseReopened;
import io.hotline.kernel.cases.CaseReplied;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.CaseSignedFor;
import io.hotline.kernel.cases.CaseTransferred;
import io.hotline.kernel.cases.CaseUrged;
import io.hotline.kernel.cases.CaseWithdrawn;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineMissed;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.ExtensionApproved;
import io.hotline.kernel.cases.ExtensionRejected;
import io.hotline.kernel.cases.ExtensionRequested;
import io.hotline.kernel.cases.FeedbackChannel;
import io.hotline.kernel.cases.FeedbackRecorded;
import io.hotline.kernel.cases.JurisdictionObjected;
import io.hotline.kernel.cases.LeadUnitDesignated;
import io.hotline.kernel.cases.MaterialsRequested;
import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.citizen.CitizenNotified;
import io.hotline.kernel.citizen.CitizenOptedIn;
import io.hotline.kernel.citizen.CitizenOptedOut;
import io.hotline.kernel.cases.ProgressRecorded;
import io.hotline.kernel.cases.RepeatedRequestLinked;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.Satisfaction;
import io.hotline.kernel.cases.SupervisionStarted;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Jurisdiction;
import io.hotline.kernel.common.Role;
import io.hotline.query.audit.PersonalDataScrub;
import io.hotline.query.audit.log.EventFacts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One sentence template per event type, in Chinese and English: what an inspector reads in the timeline instead
 * of a payload. A sentence names who acted (role, user, unit, and whom they stood in for under the A/B rule),
 * the case number and what changed; it never carries the citizen's name, phone or ID number, and free text in
 * it is scrubbed of anything number-shaped ({@link PersonalDataScrub}). Times are in the city's zone.
 */
final class Sentences {

    private static final List<Role> ROLE_ORDER = List.of(Role.OPERATOR, Role.UNIT_HANDLER, Role.COORDINATOR,
            Role.SUPERVISOR, Role.AUDITOR, Role.ADMIN);
    private static final Map<Role, String> ROLE_ZH = Map.of(Role.OPERATOR, "话务员", Role.UNIT_HANDLER, "经办人",
            Role.COORDINATOR, "协调员", Role.SUPERVISOR, "督办员", Role.AUDITOR, "审计员", Role.ADMIN, "管理员");
    private static final Map<Role, String> ROLE_EN = Map.of(Role.OPERATOR, "Operator", Role.UNIT_HANDLER,
            "Unit handler", Role.COORDINATOR, "Coordinator", Role.SUPERVISOR, "Supervisor", Role.AUDITOR, "Auditor",
            Role.ADMIN, "Administrator");

    private final DateTimeFormatter time;

    Sentences(ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** The sentence for one event of the case numbered {@code number}. */
    Sentence of(Object payload, String number) {
        Actor actor = EventFacts.actorOf(payload);
        String zh = who(actor, true, preferredRole(payload));
        String en = who(actor, false, preferredRole(payload));
        String n = number == null ? "?" : number;
        if (payload instanceof CaseRegistered e) {
            return new Sentence(zh + "受理了诉求 " + n + "：" + text(e.title()) + "（" + zh(e.channel()) + "，"
                    + zh(e.category()) + "，区划 " + text(e.area()) + "）",
                    en + " registered case " + n + ": " + text(e.title()) + " (" + words(e.channel()) + ", "
                            + words(e.category()) + ", area " + text(e.area()) + ")");
        }
        if (payload instanceof CaseLocated e) {
            // Where, not who: the place is kept out of the sentence all the same (it may be the citizen's home).
            int links = e.mediaUrls().size();
            return new Sentence(zh + "记录了诉求 " + n + " 的位置" + (links == 0 ? "" : "和 " + links + " 个附件链接"),
                    en + " recorded the location of case " + n + (links == 0 ? ""
                            : links == 1 ? " and a media link" : " and " + links + " media links"));
        }
        if (payload instanceof CaseResolvedAtIntake e) {
            return AnswerAtIntakeSentence.of(e, zh, en, n, text(e.answer()));
        }
        if (payload instanceof CaseRedirected e) {
            return new Sentence(zh + "告知诉求人此事属" + zh(e.jurisdiction()) + "受理范围，诉求 " + n + " 告知办结："
                    + text(e.explanation()),
                    en + " told the citizen that case " + n + " belongs to " + words(e.jurisdiction())
                            + " and closed it as redirected: " + text(e.explanation()));
        }
        if (payload instanceof CaseMerged e) {
            return new Sentence(zh + "将重复诉求 " + n + " 并入诉求 " + e.intoCaseNumber(),
                    en + " merged case " + n + " as a repeated request into case " + e.intoCaseNumber());
        }
        if (payload instanceof RepeatedRequestLinked e) {
            return new Sentence(zh + "将重复诉求 " + e.repeatedCaseNumber() + " 并入诉求 " + n,
                    en + " merged the repeated request " + e.repeatedCaseNumber() + " into case " + n);
        }
        Sentence responsibility = DispatchSentences.of(this, payload, zh, en, n);
        if (responsibility != null) {
            return responsibility;
        }
        if (payload instanceof ProgressRecorded e) {
            return new Sentence(zh + "代表 " + e.unit() + " 记录了诉求 " + n + " 的办理进展：" + text(e.note()),
                    en + " noted progress on case " + n + " for " + e.unit() + ": " + text(e.note()));
        }
        if (payload instanceof MaterialsRequested e) {
            String items = e.items() == null ? "" : String.join("、", e.items().stream().map(Sentences::text).toList());
            return new Sentence(zh + "代表 " + e.unit() + " 一次性告知诉求人补充材料：" + items
                    + (e.repeated() ? "（再次要求补充材料，违反一次性告知制）" : ""),
                    en + " asked the citizen for material on case " + n + " for " + e.unit() + ": " + items
                            + (e.repeated() ? " (a second request: a one-time-notice violation)" : ""));
        }
        if (payload instanceof ExtensionRequested e) {
            return new Sentence(zh + "代表 " + e.unit() + " 申请将诉求 " + n + " 延期 " + e.extraWorkingDays() + " 个工作日，理由："
                    + text(e.reason()),
                    en + " asked for " + e.extraWorkingDays() + " more working days on case " + n + " for " + e.unit()
                            + ": " + text(e.reason()));
        }
        if (payload instanceof ExtensionApproved e) {
            return new Sentence(zh + "批准诉求 " + n + " 延期 " + e.extraWorkingDays() + " 个工作日，新的办结时限 "
                    + due(e.completionDeadline()),
                    en + " approved " + e.extraWorkingDays() + " more working days on case " + n + "; finish by "
                            + due(e.completionDeadline()));
        }
        if (payload instanceof ExtensionRejected e) {
            return new Sentence(zh + "驳回了诉求 " + n + " 的延期申请，理由：" + text(e.reason()),
                    en + " rejected the extension asked on case " + n + ": " + text(e.reason()));
        }
        if (payload instanceof CaseReplied e) {
            return new Sentence(zh + "代表 " + e.unit() + " 答复诉求人（" + zh(e.result()) + (e.onTime() ? "，按时" : "，超时")
                    + "）：" + text(e.text()),
                    en + " replied to the citizen on case " + n + " for " + e.unit() + " (" + words(e.result())
                            + (e.onTime() ? ", on time" : ", late") + "): " + text(e.text()));
        }
        if (payload instanceof FeedbackRecorded e) {
            return new Sentence(zh + "通过" + zh(e.channel()) + "回访诉求 " + n + "：" + zh(e.satisfaction()) + "，问题"
                    + (e.solved() ? "已解决" : "未解决") + (e.comment() == null || e.comment().isBlank() ? ""
                    : "，意见：" + text(e.comment())),
                    en + " recorded the citizen's feedback on case " + n + " by " + words(e.channel()) + ": "
                            + words(e.satisfaction()) + ", " + (e.solved() ? "solved" : "not solved")
                            + (e.comment() == null || e.comment().isBlank() ? "" : "; comment: " + text(e.comment())));
        }
        if (payload instanceof CaseReopened e) {
            String unit = e.leadUnit() == null ? "热线" : e.leadUnit();
            String unitEn = e.leadUnit() == null ? "the hotline" : e.leadUnit();
            return new Sentence(zh + "将诉求 " + n + " 退回 " + unit + " 重办，理由：" + text(e.reason())
                    + (e.completionDeadline() == null ? "" : "，办结时限 " + due(e.completionDeadline())),
                    en + " reopened case " + n + " to " + unitEn + ": " + text(e.reason())
                            + (e.completionDeadline() == null ? "" : "; finish by " + due(e.completionDeadline())));
        }
        if (payload instanceof SupervisionStarted e) {
            return new Sentence(zh + "对诉求 " + n + " 挂牌督办" + note(e.note(), "：", ""),
                    en + " put case " + n + " under supervision" + note(e.note(), ": ", ""));
        }
        if (payload instanceof CaseUrged e) {
            return new Sentence(zh + "向 " + e.unit() + " 催办诉求 " + n + note(e.note(), "：", ""),
                    en + " urged " + e.unit() + " on case " + n + note(e.note(), ": ", ""));
        }
        if (payload instanceof CaseClosed) {
            return new Sentence(zh + "将诉求 " + n + " 归档", en + " closed case " + n);
        }
        if (payload instanceof CaseWithdrawn e) {
            return new Sentence(zh + "登记诉求人撤回诉求 " + n + note(e.reason(), "，理由：", ""),
                    en + " recorded that the citizen withdrew case " + n + note(e.reason(), ": ", ""));
        }
        if (payload instanceof DeadlineWarningRaised e) {
            return new Sentence(zh + "对 " + e.unit() + " 的" + zh(e.kind()) + "发出预警（" + time(e.due()) + " 到期）",
                    en + " warned " + e.unit() + " that the " + words(e.kind()) + " deadline of case " + n
                            + " is near (due " + time(e.due()) + ")");
        }
        if (payload instanceof DeadlineMissed e) {
            return new Sentence(zh + "记录 " + e.unit() + " 的" + zh(e.kind()) + "已超期（" + time(e.due()) + " 到期）",
                    en + " recorded that " + e.unit() + " missed the " + words(e.kind()) + " deadline of case " + n
                            + " (due " + time(e.due()) + ")");
        }
        if (payload instanceof PersonalDataRevealed e) {
            return new Sentence(zh + "查看了诉求 " + n + " 诉求人的个人信息，事由：" + text(e.reason()),
                    en + " was shown the citizen's personal data on case " + n + ": " + text(e.reason()));
        }
        if (payload instanceof CitizenNotified e) {
            String template = e.template().toLowerCase().replace('_', ' ');
            return new Sentence("系统向诉求人发送诉求 " + n + " 的" + e.template() + "通知（" + words(e.channel()) + "）："
                    + words(e.outcome()) + note(e.reason(), "，", "") + (e.possiblyRepeated() ? "（可能重复）" : ""),
                    "The system's " + template + " message to the citizen of case " + n + " by " + words(e.channel())
                            + ": " + words(e.outcome()) + note(e.reason(), ": ", "") + (e.possiblyRepeated() ? ", possibly repeated" : ""));
        }
        if (payload instanceof CitizenOptedOut || payload instanceof CitizenOptedIn) {
            boolean out = payload instanceof CitizenOptedOut; // 退订, or 订阅 again
            return new Sentence("诉求人通过短信" + (out ? "退订" : "恢复订阅") + "了诉求 " + n + " 的通知",
                    "The citizen of case " + n + (out ? " opted out of" : " opted back in to") + " messages by SMS");
        }
        String type = payload == null ? "?" : payload.getClass().getSimpleName();
        return new Sentence(zh + "记录了事件 " + type + "（诉求 " + n + "）", en + " recorded " + type + " on case " + n);
    }

    /** The role a sentence names when the actor holds several: the one the step is normally taken in. */
    private static Role preferredRole(Object payload) {
        if (payload instanceof CaseSignedFor || payload instanceof JurisdictionObjected
                || payload instanceof CaseTransferred || DispatchSentences.byUnits(payload)
                || payload instanceof ProgressRecorded
                || payload instanceof MaterialsRequested || payload instanceof ExtensionRequested
                || payload instanceof CaseReplied) {
            return Role.UNIT_HANDLER;
        }
        if (payload instanceof LeadUnitDesignated || payload instanceof ExtensionApproved
                || payload instanceof ExtensionRejected) {
            return Role.COORDINATOR;
        }
        if (payload instanceof SupervisionStarted || payload instanceof CaseUrged) {
            return Role.SUPERVISOR;
        }
        return Role.OPERATOR;
    }

    /** "话务员 op-li（HOTLINE）", "经办人 wa-sun（WATER，代 wa-zhou）"; the system's own acts: "系统". */
    private static String who(Actor actor, boolean chinese, Role preferred) {
        if (actor == null) {
            return chinese ? "未知人员" : "Someone";
        }
        if (Actor.SYSTEM.userId().equals(actor.userId()) && actor.roles().isEmpty()) {
            return chinese ? "系统" : "The system";
        }
        Role role = actor.has(preferred) ? preferred
                : ROLE_ORDER.stream().filter(actor::has).findFirst().orElse(null);
        String label = role == null ? (chinese ? "用户" : "User") : (chinese ? ROLE_ZH : ROLE_EN).get(role);
        String standIn = actor.standingInFor();
        if (chinese) {
            return label + " " + actor.userId() + "（" + actor.unitId()
                    + (standIn == null ? "" : "，代 " + standIn) + "）";
        }
        return label + " " + actor.userId() + " (" + actor.unitId()
                + (standIn == null ? "" : ", standing in for " + standIn) + ")";
    }

    String due(Deadline deadline) {
        return deadline == null ? "-" : time(deadline.due());
    }

    String time(Instant instant) {
        return instant == null ? "-" : time.format(instant);
    }

    static String text(String value) {
        return value == null ? "" : PersonalDataScrub.text(value.strip());
    }

    static String note(String value, String before, String otherwise) {
        return value == null || value.isBlank() ? otherwise : before + text(value);
    }

    static String assistingZh(List<String> units) {
        return units == null || units.isEmpty() ? "" : "，协办：" + String.join("、", units);
    }

    static String assistingEn(List<String> units) {
        return units == null || units.isEmpty() ? "" : ", assisted by " + String.join(", ", units);
    }

    static String words(Enum<?> value) {
        return value == null ? "-" : value.name().toLowerCase().replace('_', ' ');
    }

    static String zh(Channel channel) {
        if (channel == null) {
            return "-";
        }
        return switch (channel) {
            case HOTLINE -> "热线电话";
            case WEB -> "网站";
            case APP -> "手机应用";
            case WECHAT -> "微信";
            case LETTER -> "来信";
            case VISIT -> "来访";
            case OPEN311 -> "Open311 应用";
        };
    }

    static String zh(Category category) {
        if (category == null) {
            return "-";
        }
        return switch (category) {
            case CONSULTATION -> "咨询";
            case HELP -> "求助";
            case COMPLAINT -> "投诉";
            case REPORT -> "举报";
            case SUGGESTION -> "建议";
            case THANKS -> "感谢";
        };
    }

    static String zh(Jurisdiction jurisdiction) {
        if (jurisdiction == null) {
            return "-";
        }
        return switch (jurisdiction) {
            case HOTLINE -> "热线";
            case COURT -> "法院";
            case ARBITRATION -> "仲裁机构";
            case DISCIPLINE -> "纪检监察机关";
            case ADMINISTRATIVE_REVIEW -> "行政复议机关";
            case PETITIONS_OFFICE -> "信访部门";
            case POLICE_110 -> "110";
            case FIRE_119 -> "119";
            case AMBULANCE_120 -> "120";
            case TRAFFIC_122 -> "122";
        };
    }

    static String zh(ReplyResult result) {
        if (result == null) {
            return "-";
        }
        return switch (result) {
            case SOLVED -> "已解决";
            case EXPLAINED -> "已解释说明";
            case UNSOLVABLE -> "无法解决";
        };
    }

    static String zh(FeedbackChannel channel) {
        if (channel == null) {
            return "-";
        }
        return switch (channel) {
            case SMS -> "短信";
            case PHONE -> "电话";
            case WEB -> "网络";
            case ON_SITE -> "现场";
        };
    }

    static String zh(Satisfaction satisfaction) {
        if (satisfaction == null) {
            return "-";
        }
        return switch (satisfaction) {
            case VERY_SATISFIED -> "非常满意";
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case DISSATISFIED -> "不满意";
            case VERY_DISSATISFIED -> "非常不满意";
        };
    }

    static String zh(DeadlineKind kind) {
        if (kind == null) {
            return "时限";
        }
        return switch (kind) {
            case SIGN_FOR -> "签收时限";
            case COMPLETION -> "办结时限";
            case REVIEW -> "审核时限";
        };
    }
}
