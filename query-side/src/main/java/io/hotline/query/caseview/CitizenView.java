package io.hotline.query.caseview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hotline.kernel.common.Citizen;
import io.hotline.query.personal.Masks;
import io.hotline.query.personal.PhoneHasher;

/**
 * The complainant as the view keeps them: the masked name, masked numbers and a keyed hash of the phone. The
 * raw name, phone and ID number never reach a read model; they stay in the event log only, encrypted, and are
 * shown unmasked only through the recorded reveal command. The hash is not shown to readers: it is there so a
 * search by phone finds repeated requests.
 * <p>
 * What a reader gets depends on who they are ({@link #shownTo}): the hotline's own staff the masked
 * details, a unit handler nothing that identifies the person, since the unit may be the very party complained
 * about (个人信息保护: the complainant's identity never reaches the party complained about). Units reach the
 * citizen through the hotline.
 */
public record CitizenView(String name, String maskedPhone, String maskedIdNumber, @JsonIgnore String phoneHash) {

    /** The citizen after their personal data were erased: no numbers, no hash, the erased name. */
    public static final CitizenView ERASED = new CitizenView(Citizen.ERASED_NAME, null, null, null);
    /** The citizen as a unit handler sees them. */
    public static final CitizenView WITHHELD = new CitizenView(Masks.WITHHELD_NAME, null, null, null);

    public static CitizenView of(Citizen citizen, PhoneHasher hasher) {
        if (citizen == null) {
            return null;
        }
        if (citizen.wasErased()) {
            return ERASED;
        }
        return new CitizenView(Masks.name(citizen.name()), Masks.phone(citizen.phone()),
                Masks.idNumber(citizen.idNumber()), hasher.hash(citizen.phone()));
    }

    /**
     * What a reader sees: masked details (masked again, so a view stored before names were masked shows no more)
     * for readers who may know the complainant, {@link #WITHHELD} for anyone else.
     */
    public CitizenView shownTo(boolean mayKnowComplainant) {
        if (!mayKnowComplainant) {
            return WITHHELD;
        }
        return new CitizenView(Masks.name(name), maskedPhone, maskedIdNumber, null);
    }

    @Override
    public String toString() {
        return "CitizenView[personal data withheld]";
    }
}
