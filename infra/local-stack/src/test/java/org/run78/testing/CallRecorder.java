package org.run78.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Records every AWS SDK call a function makes, to count them. */
public final class CallRecorder implements ExecutionInterceptor {
    private final List<SdkRequest> requests = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        requests.add(context.request());
    }

    public List<SdkRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clear() {
        requests.clear();
    }
}
