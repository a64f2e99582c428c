package io.hotline.command.units;

import io.hotline.command.cases.Organisation;
import io.hotline.kernel.units.UnitKind;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/** The case rules' view of the organisation, answered by this node's {@link UnitTree}. */
@Component
class DirectoryOrganisation implements Organisation {

    private final UnitTree tree;

    DirectoryOrganisation(UnitTree tree) {
        this.tree = tree;
    }

    @Override
    public Optional<UnitKind> kind(String unit) {
        return tree.kind(unit);
    }

    @Override
    public boolean inService(String unit, Instant at) {
        return tree.inService(unit, at);
    }

    @Override
    public boolean isWithin(String ancestor, String unit) {
        return tree.isWithin(ancestor, unit);
    }
}
