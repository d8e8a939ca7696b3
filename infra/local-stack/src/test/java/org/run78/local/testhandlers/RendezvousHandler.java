package org.run78.local.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.run78.app.Services;

/** Answers 200 only when a second invocation arrives while the first still runs: proof of concurrency. */
public final class RendezvousHandler implements RequestStreamHandler {
    private static final CyclicBarrier PAIR = new CyclicBarrier(2);

    public RendezvousHandler(Services services) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int status;
        try {
            PAIR.await(60, TimeUnit.SECONDS);
            status = 200;
        } catch (InterruptedException | BrokenBarrierException | TimeoutException alone) {
            status = 504;
        }
        output.write(("{\"statusCode\":" + status + ",\"body\":\"\"}").getBytes(StandardCharsets.UTF_8));
    }
}
