package io.gatehouse.core.identity;

/**
 * How long sessions of a role may last, in seconds: one to twelve hours, one hour unless the role
 * says otherwise (AWS's roleMaxSessionDurationType).
 */
public record MaxSessionDuration(int seconds) {

    public static final int MIN_SECONDS = 3600;
    public static final int MAX_SECONDS = 43200;
    public static final MaxSessionDuration DEFAULT = new MaxSessionDuration(MIN_SECONDS);

    /** @throws io.gatehouse.core.error.IamException ValidationError outside one to twelve hours */
    public MaxSessionDuration {
        Constraint.range("MaxSessionDuration", seconds, MIN_SECONDS, MAX_SECONDS);
    }
}
