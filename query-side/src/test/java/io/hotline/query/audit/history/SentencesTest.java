package io.hotline.query.audit.history;

import io.hotline.kernel.cases.CaseDispatchedDown;
import io.hotline.kernel.cases.CaseRegistered;
import io.hotline.kernel.cases.CaseTakenBack;
import io.hotline.kernel.cases.Deadline;
import io.hotline.kernel.cases.ObjectionOverruled;
import io.hotline.kernel.cases.ReplyApproved;
import io.hotline.kernel.cases.ReplyResult;
import io.hotline.kernel.cases.ReplyReturned;
import io.hotline.kernel.cases.ReplySubmittedForReview;
import io.hotline.kernel.cases.CaseResolvedAtIntake;
import io.hotline.kernel.cases.DeadlineKind;
import io.hotline.kernel.cases.DeadlineWarningRaised;
import io.hotline.kernel.cases.PersonalDataRevealed;
import io.hotline.kernel.common.Actor;
import io.hotline.kernel.common.Category;
import io.hotline.kernel.common.Channel;
import io.hotline.kernel.common.Citizen;
import io.hotline.kernel.common.Role;
import io.hotline.kernel.common.Urgency;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a history says of an event: who did what to which case, and never the citizen's personal data. */
class SentencesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final Sentences sentences = new Sentences(SHANGHAI);

    @Test
    void aRegistrationReadsAsTheExampleAndNamesNoPersonalData() {
        Actor operator = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
        CaseRegistered registered = new CaseRegistered("c-1", "20261123-000001", "r-1", Channel.HOTLINE,
                Category.COMPLAINT, Urgency.NORMAL, "路灯不亮", "门口路灯坏了，电话 13800138000",
                new Citizen("张三", "13800138000", "110101199003071234"), "370602", operator,
                Instant.parse("2026-11-23T01:00:00Z"));

        Sentence sentence = sentences.of(registered, "20261123-000001");

        assertThat(sentence.zh()).startsWith("话务员 op-li（HOTLINE）受理了诉求 20261123-000001：路灯不亮");
        assertThat(sentence.en()).startsWith("Operator op-li (HOTLINE) registered case 20261123-000001: 路灯不亮");
        assertThat(sentence.toString()).doesNotContain("张三").doesNotContain("13800138000")
                .doesNotContain("110101199003071234");
    }

    @Test
    void theSystemAndStandInsAreNamedAsSuch() {
        Sentence warning = sentences.of(new DeadlineWarningRaised("c-1", DeadlineKind.SIGN_FOR, "WATER",
                Instant.parse("2026-11-24T01:00:00Z"), Actor.SYSTEM, Instant.parse("2026-11-23T08:00:00Z")), "N-1");
        assertThat(warning.zh()).isEqualTo("系统对 WATER 的签收时限发出预警（2026-11-24 09:00 到期）");
        assertThat(warning.en()).startsWith("The system warned WATER");

        Actor standIn = new Actor("au-b", "HOTLINE", "au-a", Set.of(Role.AUDITOR, Role.SUPERVISOR));
        Sentence reveal = sentences.of(new PersonalDataRevealed("c-1", "核查 13800138000 的身份", standIn,
                Instant.parse("2026-11-23T02:00:00Z")), "N-1");
        assertThat(reveal.zh()).isEqualTo("督办员 au-b（HOTLINE，代 au-a）查看了诉求 N-1 诉求人的个人信息，事由：核查 *** 的身份");
        assertThat(reveal.en()).startsWith("Supervisor au-b (HOTLINE, standing in for au-a) was shown");
    }

    @Test
    void anAnswerAtIntakeNamesTheArticleAndVersionItWasReadFrom() {
        Actor operator = Actor.of("op-li", "HOTLINE", Role.OPERATOR);
        Instant at = Instant.parse("2026-11-23T01:00:00Z");

        Sentence cited = sentences.of(new CaseResolvedAtIntake("c-1", "明早八点恢复供水，咨询 13800138000", operator, at,
                "art-7", 3), "N-1");
        assertThat(cited.zh()).isEqualTo("话务员 op-li（HOTLINE）依据知识条目 art-7（第 3 版）当场答复并直接办结了诉求 N-1："
                + "明早八点恢复供水，咨询 ***");
        assertThat(cited.en()).isEqualTo("Operator op-li (HOTLINE) answered case N-1 at intake from knowledge article "
                + "art-7 (version 3) and resolved it: 明早八点恢复供水，咨询 ***");

        Sentence plain = sentences.of(new CaseResolvedAtIntake("c-1", "已当场解答", operator, at), "N-1");
        assertThat(plain.zh()).isEqualTo("话务员 op-li（HOTLINE）当场答复并直接办结了诉求 N-1：已当场解答");
        assertThat(plain.en()).isEqualTo("Operator op-li (HOTLINE) answered case N-1 at intake and resolved it: 已当场解答");
    }

    @Test
    void dispatchByLevelReadsAsItsStepsInBothLanguages() {
        Actor district = Actor.of("hc-wang", "HUANCUI", Role.UNIT_HANDLER);
        Actor street = Actor.of("jy-li", "HC-JINGYUAN", Role.UNIT_HANDLER);
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        Deadline due = new Deadline(DeadlineKind.SIGN_FOR, at, at.plusSeconds(3600), at.plusSeconds(7200));
        Deadline review = new Deadline(DeadlineKind.REVIEW, at, at.plusSeconds(3600), at.plusSeconds(7200));

        Sentence down = sentences.of(new CaseDispatchedDown("c-1", "HUANCUI", "HC-JINGYUAN", List.of(), "请核实",
                2, due, district, at), "N-1");
        assertThat(down.zh()).isEqualTo("经办人 hc-wang（HUANCUI）将诉求 N-1 由 HUANCUI 下派至 HC-JINGYUAN（第 2 级，主办），"
                + "要求：请核实，签收时限 2026-11-23 11:00；HUANCUI 在其签收前仍负首问责任");
        assertThat(down.en()).isEqualTo("Unit handler hc-wang (HUANCUI) sent case N-1 down from HUANCUI to HC-JINGYUAN "
                + "(level 2, lead): 请核实; sign for by 2026-11-23 11:00; HUANCUI stays accountable until it signs");

        Sentence back = sentences.of(new CaseTakenBack("c-1", "HC-JINGYUAN", "HUANCUI", "街道无法办理", null, district,
                at), "N-1");
        assertThat(back.zh()).startsWith("经办人 hc-wang（HUANCUI）代表 HUANCUI 从 HC-JINGYUAN 收回诉求 N-1 自行办理，理由：街道无法办理");
        assertThat(back.en()).startsWith("Unit handler hc-wang (HUANCUI) took case N-1 back from HC-JINGYUAN for HUANCUI");

        Sentence overruled = sentences.of(new ObjectionOverruled("c-1", "HC-JINGYUAN", "HUANCUI", "属辖区",
                due, district, at), "N-1");
        assertThat(overruled.zh()).isEqualTo("经办人 hc-wang（HUANCUI）代表 HUANCUI 对 HC-JINGYUAN 就诉求 N-1 提出的异议"
                + "不予支持，理由：属辖区，重新签收时限 2026-11-23 11:00");
        assertThat(overruled.en()).startsWith("Unit handler hc-wang (HUANCUI) overruled the objection of HC-JINGYUAN");

        Sentence drafted = sentences.of(new ReplySubmittedForReview("c-1", "HC-JINGYUAN", "HUANCUI",
                ReplyResult.SOLVED, "已修复，联系 13800138000", true, review, street, at), "N-1");
        assertThat(drafted.zh()).isEqualTo("经办人 jy-li（HC-JINGYUAN）代表 HC-JINGYUAN 拟写诉求 N-1 的答复（已解决，按时），"
                + "提交 HUANCUI 审核，审核时限 2026-11-23 11:00：已修复，联系 ***");
        assertThat(drafted.en()).contains("drafted the reply on case N-1 for HC-JINGYUAN (solved, on time) for review "
                + "by HUANCUI");

        Sentence returned = sentences.of(new ReplyReturned("c-1", "HUANCUI", "HC-JINGYUAN", "请补充照片", false,
                district, at), "N-1");
        assertThat(returned.zh()).isEqualTo("经办人 hc-wang（HUANCUI）代表 HUANCUI 将 HC-JINGYUAN 拟写的诉求 N-1 答复退回"
                + "（超时审核），理由：请补充照片");
        assertThat(returned.en()).endsWith("(reviewed late): 请补充照片");

        Sentence approved = sentences.of(new ReplyApproved("c-1", "HUANCUI", "HC-JINGYUAN", null, true, district, at),
                "N-1");
        assertThat(approved.zh()).isEqualTo("经办人 hc-wang（HUANCUI）代表 HUANCUI 审核通过 HC-JINGYUAN 拟写的诉求 N-1 答复"
                + "（按时审核）");
        assertThat(approved.en()).isEqualTo("Unit handler hc-wang (HUANCUI) approved the reply HC-JINGYUAN drafted on "
                + "case N-1 for HUANCUI (reviewed on time)");
    }
}
