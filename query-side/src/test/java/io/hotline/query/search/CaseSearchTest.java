package io.hotline.query.search;

import io.hotline.kernel.cases.CaseStatus;
import io.hotline.kernel.common.Category;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.EnumSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader types is matched literally and can never become a query operator. */
class CaseSearchTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static CaseFilter text(String text) {
        return new CaseFilter(null, null, null, null, null, null, null, null, null, text, null, null, null, null);
    }

    @Test
    void freeTextIsALiteral() {
        for (String typed : new String[]{"a.*", "(路灯)+", "$where", "\\d{3}", "x|y", "[abc]", "^start$", "路灯 不亮"}) {
            Pattern literal = Pattern.compile(CaseSearch.literal(typed), Pattern.CASE_INSENSITIVE);
            assertThat(literal.matcher("before " + typed + " after").find()).as(typed).isTrue();
        }
        assertThat(Pattern.compile(CaseSearch.literal("a.c")).matcher("abc").find()).isFalse();
        assertThat(Pattern.compile(CaseSearch.literal("路灯")).matcher("小区路灯坏了").find()).isTrue();
    }

    @Test
    void anOperatorLookingTextStaysAValue() {
        Document query = CaseSearch.query(text("{\"$gt\": \"\"}"), NOW).getQueryObject();

        String json = query.toJson();
        assertThat(json).contains("$regularExpression").contains("\\\\$gt");
        assertThat(json).doesNotContain("{\"$gt\"");
    }

    @Test
    void filtersCombineAndTheUnitScopeIsAlwaysThere() {
        CaseFilter filter = new CaseFilter(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.IN_HANDLING), "WATER",
                Category.COMPLAINT, null, "3706", null, true, NOW.minusSeconds(86400), NOW, null, "hash", "N1",
                java.util.Set.of("STREET"), CaseFilter.Pending.OBJECTION);
        Query query = CaseSearch.query(filter, NOW);
        String described = query.getQueryObject().toString();

        assertThat(described).contains("status=", "currentUnits=WATER", "involvedUnits=Document{{$in=[STREET]}}",
                "category=COMPLAINT", "area=", "nextDue=", "registeredAt=", "citizen.phoneHash=hash",
                "caseNumbers=N1", "pendingObjection=");
        assertThat(query.getSortObject().toJson()).contains("registeredAt");
    }

    @Test
    void aWorkingListsSortIsTheQuerysOwnSoItHoldsAcrossPages() {
        CaseFilter any = text(null);
        assertThat(CaseSearch.query(any, NOW, CaseSearch.Order.DEADLINE).getSortObject().toJson())
                .isEqualTo("{\"nextDue\": 1, \"_id\": 1}");
        assertThat(CaseSearch.query(any, NOW, CaseSearch.Order.CATEGORY).getSortObject().toJson())
                .isEqualTo("{\"category\": 1, \"nextDue\": 1, \"_id\": 1}");
        assertThat(CaseSearch.query(any, NOW, CaseSearch.Order.UNIT).getSortObject().toJson())
                .isEqualTo("{\"leadUnit\": 1, \"nextDue\": 1, \"_id\": 1}");
        assertThat(CaseSearch.query(any, NOW).getSortObject().toJson()).isEqualTo("{\"registeredAt\": -1, \"_id\": 1}");
    }
}
