package io.arfollowup.core.domain;

/** Who is told about a qualification by e-mail (status, comment, items). */
public record Notify(Target target, String colleagueEmail) {
    public enum Target { NOBODY, CLIENT, COLLEAGUE }

    public static final Notify NOBODY = new Notify(Target.NOBODY, null);
}
