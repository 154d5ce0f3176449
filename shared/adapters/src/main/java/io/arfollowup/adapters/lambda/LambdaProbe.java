package io.arfollowup.adapters.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A function's shaded jar, alone, in a new JVM, as Lambda runs it: {@code java -cp <function>.jar
 * io.arfollowup.adapters.lambda.LambdaProbe <handler class> <event file> [--snapstart]} builds the handler with its
 * no-arg constructor (the environment, as Lambda's init), hands it the event, and prints
 * {@code PROBE ok init=<ms> prime=<ms> handle=<ms>} then {@code OUTPUT <the handler's output>}; a failure prints
 * {@code PROBE error <exception>} and exits 1. {@code --snapstart} runs the priming hooks between init and the
 * event (what a SnapStart restore starts from). {@code --bare} prints {@code PROBE bare} at once: the bare JVM start
 * of the same class path. Used by the jars' smoke test (ShadedJarsIT) and the cold-start benchmark.
 */
public final class LambdaProbe {

    private LambdaProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--bare")) {
            System.out.println("PROBE bare");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
        int code = 0;
        try {
            long t0 = System.nanoTime();
            Class<?> type = Class.forName(args[0]);
            Object handler = type.getConstructor().newInstance();
            long t1 = System.nanoTime();
            if (args.length > 2 && args[2].equals("--snapstart")) {
                Priming.primeAll();
            }
            long t2 = System.nanoTime();
            Method handle = type.getMethod("handleRequest", InputStream.class, java.io.OutputStream.class,
                    Context.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                handle.invoke(handler, in, out, new ProbeContext(type.getSimpleName()));
            }
            long t3 = System.nanoTime();
            System.out.println("PROBE ok init=" + (t1 - t0) / 1_000_000 + " prime=" + (t2 - t1) / 1_000_000
                    + " handle=" + (t3 - t2) / 1_000_000);
            System.out.println("OUTPUT " + out.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException && e.getCause() != null
                    ? e.getCause() : e;
            System.out.println("PROBE error " + cause);
            cause.printStackTrace(System.out);
            code = 1;
        }
        System.out.flush();
        // the Lambda sandbox would freeze here; a JVM tearing down its pools is not part of the invocation
        Runtime.getRuntime().halt(code);
    }

    /** The few Context fields our handlers read. */
    record ProbeContext(String function) implements Context {
        @Override
        public String getAwsRequestId() {
            return "probe-request-1";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + function;
        }

        @Override
        public String getLogStreamName() {
            return "probe";
        }

        @Override
        public String getFunctionName() {
            return function;
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-3:000000000000:function:" + function;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 300_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
