package io.huiwen;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A server started on a data directory another process holds says so, without a stack trace. */
class DataDirInUseAnalyzer extends AbstractFailureAnalyzer<DataDirLock.InUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirLock.InUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other Huiwen process, or give this one a directory of its own with huiwen.data-dir.", cause);
    }
}
