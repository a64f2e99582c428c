package io.hotline.infra.time;

/**
 * Holiday data that cannot be trusted. Loading stops rather than skipping the line: a silently dropped holiday
 * would make every deadline around it a day early, for every case, until someone noticed.
 */
public class HolidayDataException extends RuntimeException {

    public HolidayDataException(String message) {
        super(message);
    }

    public HolidayDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
