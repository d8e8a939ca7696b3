package org.run78.local;

/** A local-only HTTP call under /_local/ (WeChat simulator, clock), answered by the gateway itself. */
interface LocalEndpoint {
    HttpAnswer answer(HttpRequestData request);
}
