package io.hotline.command.cases;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link CaseRuleViolation} with a given rejection code. */
final class Rejected extends TypeSafeMatcher<CaseRuleViolation> {

    private final Rejection expected;

    private Rejected(Rejection expected) {
        this.expected = expected;
    }

    static Matcher<CaseRuleViolation> with(Rejection expected) {
        return new Rejected(expected);
    }

    @Override
    protected boolean matchesSafely(CaseRuleViolation violation) {
        return violation.rejection() == expected;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a case rule violation " + expected);
    }
}
