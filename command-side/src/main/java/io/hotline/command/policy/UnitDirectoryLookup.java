package io.hotline.command.policy;

import io.hotline.kernel.units.UnitKind;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the dispatch catalogue needs to know of the 单位目录 (a port: the command side's {@code UnitTree}
 * implements it, so the policies stay free of how the directory is kept). Every answer is a lookup in memory.
 */
public interface UnitDirectoryLookup {

    /** A directory with no unit at all: nothing to check against, codes are taken as they are. */
    UnitDirectoryLookup NONE = new UnitDirectoryLookup() {
        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public Optional<ListedUnit> unit(String code) {
            return Optional.empty();
        }

        @Override
        public Optional<ListedUnit> districtServing(String area, LocalDate day) {
            return Optional.empty();
        }
    };

    /** No unit has been entered yet (a fresh installation): codes are typed freely and nothing is checked. */
    boolean isEmpty();

    /** The unit with this code, in service or not. */
    Optional<ListedUnit> unit(String code);

    /** The district (区县) in service on {@code day} whose area codes cover {@code area} most specifically. */
    Optional<ListedUnit> districtServing(String area, LocalDate day);

    /** A unit as the directory lists it: its names, kind and service dates ({@code lastDay} null: not retiring). */
    record ListedUnit(String code, String shortName, String fullName, UnitKind kind, LocalDate inServiceFrom,
                      LocalDate lastDay, String successor) {

        public boolean inServiceOn(LocalDate day) {
            return (inServiceFrom == null || !day.isBefore(inServiceFrom)) && (lastDay == null || !day.isAfter(lastDay));
        }
    }
}
