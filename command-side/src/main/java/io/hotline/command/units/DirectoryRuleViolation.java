package io.hotline.command.units;

import io.hotline.kernel.units.DirectoryProblem;

import java.util.List;

/** The directory refused a change, for every reason listed (an import lists them all, row by row). */
public class DirectoryRuleViolation extends RuntimeException {

    private final List<DirectoryProblem> problems;

    public DirectoryRuleViolation(List<DirectoryProblem> problems) {
        super(problems.size() + " directory rule(s) broken, first: " + problems.get(0).rule());
        this.problems = List.copyOf(problems);
    }

    public List<DirectoryProblem> problems() {
        return problems;
    }

    /** A conflict (409) when any problem is one; otherwise the caller's input is wrong (400). */
    public boolean conflict() {
        return problems.stream().anyMatch(problem -> problem.rule().conflict());
    }
}
