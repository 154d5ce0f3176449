package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.Mailer;
import io.arfollowup.core.port.OutgoingEmail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Mailer that keeps what it was asked to send. */
public final class RecordingMailer implements Mailer {
    private final List<OutgoingEmail> sent = new CopyOnWriteArrayList<>();

    @Override
    public String send(OutgoingEmail email) {
        sent.add(email);
        return "local-" + sent.size();
    }

    public List<OutgoingEmail> sent() {
        return List.copyOf(sent);
    }
}
