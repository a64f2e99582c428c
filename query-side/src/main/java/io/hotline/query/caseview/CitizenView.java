package io.hotline.query.caseview;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hotline.kernel.common.Citizen;
import io.hotline.query.personal.Masks;
import io.hotline.query.personal.PhoneHasher;

/**
 * The complainant as the view keeps them: the name, masked numbers and a keyed hash of the phone. The raw
 * phone and ID number never reach a read model; they stay in the event log only. The hash is not shown to
 * readers: it is there so a search by phone finds repeated requests.
 */
public record CitizenView(String name, String maskedPhone, String maskedIdNumber, @JsonIgnore String phoneHash) {

    public static CitizenView of(Citizen citizen, PhoneHasher hasher) {
        if (citizen == null) {
            return null;
        }
        return new CitizenView(citizen.name(), Masks.phone(citizen.phone()), Masks.idNumber(citizen.idNumber()),
                hasher.hash(citizen.phone()));
    }

    @Override
    public String toString() {
        return "CitizenView[personal data withheld]";
    }
}
