package io.arfollowup.testing.stubs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A loopback stand-in for Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}): records the
 * invocation type and payload, answers 202 for asynchronous (Event) invokes, and can hand the payload to a listener.
 */
public final class LambdaInvokeStub extends LoopbackStub {

    /** One invocation: function name, X-Amz-Invocation-Type, payload. */
    public record Invocation(String function, String invocationType, String payload) {
    }

    private volatile BiConsumer<String, String> listener = (fn, payload) -> { };

    public void onInvoke(BiConsumer<String, String> listener) {
        this.listener = listener;
    }

    public List<Invocation> invocations() {
        return requests(r -> r.path().startsWith("/2015-03-31/functions/")).stream()
                .map(r -> new Invocation(functionName(r.path()), r.header("x-amz-invocation-type"), r.bodyText()))
                .toList();
    }

    @Override
    protected Reply answer(RecordedRequest request) {
        if (!request.path().startsWith("/2015-03-31/functions/")) {
            return Reply.json(404, "{\"Message\":\"not found\"}");
        }
        listener.accept(functionName(request.path()), request.bodyText());
        boolean async = "Event".equalsIgnoreCase(request.header("x-amz-invocation-type"));
        return async ? new Reply(202, "application/json", new byte[0], java.util.Map.of())
                : Reply.json(200, "null");
    }

    private static String functionName(String path) {
        String rest = path.substring("/2015-03-31/functions/".length());
        int slash = rest.indexOf('/');
        return URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
    }
}
