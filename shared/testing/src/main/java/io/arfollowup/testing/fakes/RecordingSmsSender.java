package io.arfollowup.testing.fakes;

import io.arfollowup.core.port.SmsSender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** SmsSender that keeps what it was asked to send. */
public final class RecordingSmsSender implements SmsSender {

    /** One text message. */
    public record Sms(String to, String text, String reference) {
    }

    private final List<Sms> sent = new CopyOnWriteArrayList<>();

    @Override
    public String send(String to, String text, String reference) {
        sent.add(new Sms(to, text, reference));
        return "sms-" + sent.size();
    }

    public List<Sms> sent() {
        return List.copyOf(sent);
    }
}
