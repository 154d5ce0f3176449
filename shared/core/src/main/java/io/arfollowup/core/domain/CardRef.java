package io.arfollowup.core.domain;

/** Where a Slack message lives: channel id and message timestamp. */
public record CardRef(String channel, String ts) {
}
